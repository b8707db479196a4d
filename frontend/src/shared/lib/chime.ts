/** A short two-tone chime; a browser that allows no sound yet (no click on the page so far) stays silent. */
export function chime(): void {
  try {
    const audio = new AudioContext();
    [880, 660].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.value = 0.15;
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + i * 0.2);
      tone.stop(audio.currentTime + i * 0.2 + 0.18);
    });
    // each chime has its own context: let it go once the tones are over
    setTimeout(() => void audio.close(), 600);
  } catch {
    // no audio here: the card and the system notification still tell
  }
}
