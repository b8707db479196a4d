/** A call's transcript as `GET /api/calls/{id}/transcript` answers it. */
export interface TranscriptWord { speaker: string; word: string; start: number; end: number; confidence: number }
export interface Transcript { engine: string; language: string; text: string; words: TranscriptWord[]; audioSeconds: number; createdAt: string }
export interface CallJob { kind: string; status: string; attempts: number; runAfter: string | null; lastError: string | null; updatedAt: string | null }
export interface CallTranscriptView { recordingId: string | null; jobs: CallJob[]; transcript: Transcript | null }

/** One speaker's words in a row, from the time the first was said. */
export interface Turn { speaker: string; start: number; text: string }

/**
 * Words grouped into turns: a new turn starts when the speaker changes (the channels of a stereo
 * recording) or after a pause longer than `pause` seconds.
 */
export function turnsOf(words: TranscriptWord[], pause = 2): Turn[] {
  const turns: Turn[] = [];
  let lastEnd = -Infinity;
  for (const w of [...words].sort((a, b) => a.start - b.start)) {
    const current = turns[turns.length - 1];
    if (current && current.speaker === w.speaker && w.start - lastEnd <= pause) current.text += ` ${w.word}`;
    else turns.push({ speaker: w.speaker, start: w.start, text: w.word });
    lastEnd = w.end;
  }
  return turns;
}

/** `m:ss` of a point in the recording. */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
