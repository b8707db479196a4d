import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPage } from '../../shared/api/client';
import type { Notification } from '../../shared/api/types';
import { formatDateTime } from '../../shared/lib/format';
import { Badge } from '../../shared/ui/Badge';
import { QueryState } from '../../shared/ui/QueryState';
import { SimpleTable } from '../../shared/ui/SimpleTable';

/** What the order told its master and its client (job cards, bot answers, visit SMS) and how each delivery went. */
export function OrderNotifications({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['/api/notifications', orderId],
    queryFn: () => apiPage<Notification>('/api/notifications', { query: { orderId, limit: 100 } }),
  });
  return (
    <section className="card" aria-labelledby="order-notifications">
      <h2 id="order-notifications">{t('notification.ofOrder')}</h2>
      <QueryState isLoading={list.isLoading} error={list.error} />
      <SimpleTable caption={t('notification.ofOrder')} rows={list.data?.data ?? []} rowKey={(n) => n.id} columns={[
        { key: 'createdAt', header: t('notification.createdAt'), render: (n) => formatDateTime(n.createdAt) },
        { key: 'channel', header: t('notification.channel'), render: (n) => t(`notificationChannel.${n.channel}`) },
        { key: 'recipient', header: t('notification.recipient'), render: (n) => n.recipient },
        { key: 'state', header: t('notification.state'), render: (n) => <Badge tone={n.state}>{t(`notificationState.${n.state}`)}</Badge> },
        { key: 'body', header: t('notification.body'), render: (n) => n.lastError ? `⚠ ${n.lastError}` : n.body.split('\n')[0] },
      ]} />
    </section>
  );
}
