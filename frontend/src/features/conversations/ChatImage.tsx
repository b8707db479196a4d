import { useTranslation } from 'react-i18next';
import { useAuthorizedBlob } from '../../shared/api/useAuthorizedBlob';

/** A picture the client sent, loaded through the service's own origin (Avito's address never reaches the browser). */
export function ChatImage({ conversationId, messageId }: { conversationId: number; messageId: number }) {
  const { t } = useTranslation();
  const { src, error } = useAuthorizedBlob(`/api/conversations/${conversationId}/messages/${messageId}/image`);
  if (error) return <p className="form-message error" role="alert">{t('chat.imageFailed', { message: error })}</p>;
  if (!src) return <p className="muted" role="status">{t('app.loading')}</p>;
  return <img className="message-image" src={src} alt={t('chat.image')} data-testid="chat-image" />;
}
