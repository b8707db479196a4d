import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { formatPhone } from '../lib/format';
import { useNotify } from './Notices';

/**
 * A phone number that places a call when clicked: the PBX rings the operator's own phone first,
 * then dials the number (`POST /api/calls/originate`).
 */
export function PhoneLink({ phone }: { phone: string | null | undefined }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const dial = useMutation({
    mutationFn: (number: string) => api('/api/calls/originate', { method: 'POST', body: { phone: number } }),
    onSuccess: (_, number) => notify(t('dial.started', { phone: formatPhone(number) })),
    onError: (error) => notify(t('dial.failed', { message: error instanceof ApiError ? error.message : String(error) }), 'error'),
  });
  if (!phone) return <span>—</span>;
  return (
    <button
      type="button"
      className="phone-link"
      aria-label={t('dial.call', { phone: formatPhone(phone) })}
      title={t('dial.call', { phone: formatPhone(phone) })}
      disabled={dial.isPending}
      onClick={(e) => {
        e.stopPropagation();
        dial.mutate(phone);
      }}
    >
      <span aria-hidden="true">☎</span> {formatPhone(phone)}
    </button>
  );
}
