import { useTranslation } from 'react-i18next';
import { useAuthorizedBlob } from '../../shared/api/useAuthorizedBlob';

/** The call's recording, fetched with the token and played from a blob URL; seeking works within the blob. */
export function RecordingPlayer({ recordingId }: { recordingId: string }) {
  const { t } = useTranslation();
  const { src, error } = useAuthorizedBlob(`/api/recordings/${recordingId}`);
  if (error) return <p className="form-message error" role="alert">{t('recording.failed', { message: error })}</p>;
  if (!src) return <p className="muted" role="status">{t('app.loading')}</p>;
  return <audio controls preload="metadata" src={src} aria-label={t('recording.player')} data-testid="recording-player" />;
}
