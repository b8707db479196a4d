import { useTranslation } from 'react-i18next';
import { Badge } from '../../shared/ui/Badge';

/** VIP and "do not serve" as coloured words; nothing when neither is set. */
export function ClientFlags({ vip, doNotServe }: { vip: boolean; doNotServe: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {vip && <Badge tone="vip">{t('client.vip')}</Badge>}{' '}
      {doNotServe && <Badge tone="doNotServe">{t('client.doNotServe')}</Badge>}
    </>
  );
}
