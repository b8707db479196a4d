import { useTranslation } from 'react-i18next';

/** What a screen shows while its data loads or when loading failed. */
export function QueryState({ isLoading, error, onRetry }: { isLoading: boolean; error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isLoading) return <p className="muted" role="status">{t('app.loading')}</p>;
  if (error) {
    return (
      <p className="form-message form-message-error" role="alert">
        {error instanceof Error ? error.message : String(error)}{' '}
        {onRetry && (
          <button type="button" className="link" onClick={onRetry}>
            {t('app.retry')}
          </button>
        )}
      </p>
    );
  }
  return null;
}
