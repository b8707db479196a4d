import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../shared/api/client';
import { useSession } from '../../shared/api/useSession';
import { formatDateTime } from '../../shared/lib/format';
import { Badge } from '../../shared/ui/Badge';
import { useNotify } from '../../shared/ui/Notices';
import { QueryState } from '../../shared/ui/QueryState';
import { RecordingPlayer } from './RecordingPlayer';
import { clock, turnsOf, type CallTranscriptView } from './transcript';

/** The recording, its fetch and transcription jobs (with failures and a retry for supervisors), and the transcript by speaker. */
export function TranscriptPanel({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const session = useSession();
  const queryClient = useQueryClient();
  const key = ['call-transcript', callId];
  const view = useQuery({
    queryKey: key,
    queryFn: () => api<CallTranscriptView>(`/api/calls/${callId}/transcript`),
    // while a job is queued or running the transcript is on its way
    refetchInterval: (q) => (q.state.data?.jobs.some((j) => j.status === 'queued' || j.status === 'running') ? 5000 : false),
  });
  const retry = useMutation({
    mutationFn: () => api<CallTranscriptView>(`/api/calls/${callId}/transcript/retry`, { method: 'POST' }),
    onSuccess: (updated) => queryClient.setQueryData(key, updated),
    onError: (error) => notify(error instanceof ApiError ? error.message : String(error), 'error'),
  });
  const mayRetry = session?.user.role === 'admin' || session?.user.role === 'supervisor';
  const v = view.data;
  return (
    <section className="card" aria-labelledby="transcript-title" data-testid="transcript">
      <div className="toolbar">
        <h2 id="transcript-title">{t('transcript.title')}</h2>
        {mayRetry && v && (
          <button type="button" onClick={() => retry.mutate()} disabled={retry.isPending}>{t('transcript.retry')}</button>
        )}
      </div>
      <QueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()} />
      {v && (
        <>
          {v.recordingId ? <RecordingPlayer recordingId={v.recordingId} /> : <p className="muted">{t('recording.none')}</p>}
          {v.jobs.length > 0 && (
            <ul className="jobs" aria-label={t('transcript.jobs')}>
              {v.jobs.map((j) => (
                <li key={j.kind}>
                  {t(`jobKind.${j.kind}`, { defaultValue: j.kind })}: <Badge tone={j.status}>{t(`jobStatus.${j.status}`, { defaultValue: j.status })}</Badge>
                  {' '}{t('transcript.attempts', { count: j.attempts })}
                  {j.lastError && <span className="field-error"> {j.lastError}</span>}
                  {j.status === 'queued' && j.runAfter && <span className="muted"> · {t('transcript.runAfter', { time: formatDateTime(j.runAfter) })}</span>}
                </li>
              ))}
            </ul>
          )}
          {v.transcript ? (
            <>
              <p className="muted">{t('transcript.engine', { engine: v.transcript.engine, language: v.transcript.language, seconds: Math.round(v.transcript.audioSeconds) })}</p>
              <ol className="turns">
                {turnsOf(v.transcript.words).map((turn, i) => (
                  <li key={i} className={`turn turn-${turn.speaker}`}>
                    <span className="turn-who">{t(`speaker.${turn.speaker}`, { defaultValue: turn.speaker })} <time>{clock(turn.start)}</time></span>
                    <span>{turn.text}</span>
                  </li>
                ))}
              </ol>
              {v.transcript.words.length === 0 && <p>{v.transcript.text}</p>}
            </>
          ) : (
            <p className="muted">{t('transcript.none')}</p>
          )}
        </>
      )}
    </section>
  );
}
