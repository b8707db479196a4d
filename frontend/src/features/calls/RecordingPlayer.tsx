import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedFetch } from '../../shared/api/client';

/**
 * The call's recording. `<audio src>` cannot send the bearer token, and the API has no other way in
 * (no signed links, no cookies): the file is fetched with the Authorization header and played from
 * a blob URL, released when the player goes away. Seeking works within the blob.
 */
export function RecordingPlayer({ recordingId }: { recordingId: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    setSrc(null);
    setError(null);
    authorizedFetch(`/api/recordings/${recordingId}`)
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        const blob = await response.blob();
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setSrc(url);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [recordingId]);
  if (error) return <p className="form-message error" role="alert">{t('recording.failed', { message: error })}</p>;
  if (!src) return <p className="muted" role="status">{t('app.loading')}</p>;
  return <audio controls preload="metadata" src={src} aria-label={t('recording.player')} data-testid="recording-player" />;
}
