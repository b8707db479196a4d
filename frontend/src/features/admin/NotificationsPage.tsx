import { useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api/client';
import type { Notification } from '../../shared/api/types';
import { useInfiniteList } from '../../shared/api/useInfiniteList';
import { formatDateTime } from '../../shared/lib/format';
import { Badge } from '../../shared/ui/Badge';
import { SelectField } from '../../shared/ui/Field';
import { fieldError } from '../../shared/ui/formErrors';
import { QueryState } from '../../shared/ui/QueryState';
import { RowCount } from '../../shared/ui/RowCount';
import { VirtualTable } from '../../shared/ui/VirtualTable';

const STATES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
const CHANNELS = ['telegram', 'email', 'sms', 'operator'] as const;

/** The notification log: every job card, bot answer and SMS with its delivery; a failed one can be sent again. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState({ state: '', channel: '' });
  const query = useMemo(() => filters, [filters]);
  const { query: list, rows, loadMore, pagination } = useInfiniteList<Notification>('/api/notifications', query);
  const retry = useMutation({
    mutationFn: (id: number) => api(`/api/notifications/${id}/retry`, { method: 'POST', body: {} }),
    onSuccess: () => list.refetch(),
  });
  const set = (key: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  return (
    <section>
      <div className="toolbar"><h1>{t('admin.notifications')}</h1><RowCount pagination={pagination} /></div>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filters.title')}>
        <SelectField label={t('notification.state')} name="state" value={filters.state} onChange={set('state')} emptyLabel="—"
          options={STATES.map((s) => ({ value: s, label: t(`notificationState.${s}`) }))} error={fieldError(list.error, 'state')} />
        <SelectField label={t('notification.channel')} name="channel" value={filters.channel} onChange={set('channel')} emptyLabel="—"
          options={CHANNELS.map((c) => ({ value: c, label: t(`notificationChannel.${c}`) }))} error={fieldError(list.error, 'channel')} />
      </form>
      <QueryState isLoading={list.isLoading} error={list.error && !fieldError(list.error, 'state', 'channel') ? list.error : retry.error} />
      <VirtualTable label={t('admin.notifications')} rows={rows} rowKey={(n) => n.id} onEndReached={loadMore} columns={[
        { key: 'createdAt', header: t('notification.createdAt'), width: '9rem', render: (n) => formatDateTime(n.createdAt) },
        { key: 'channel', header: t('notification.channel'), width: '5rem', render: (n) => t(`notificationChannel.${n.channel}`) },
        { key: 'purpose', header: t('notification.purpose'), width: '7rem', render: (n) => n.purpose },
        { key: 'recipient', header: t('notification.recipient'), width: '9rem', render: (n) => <span className="ellipsis" title={n.recipient}>{n.recipient}</span> },
        { key: 'order', header: t('notification.order'), width: '4rem', render: (n) => (n.orderId ? <Link to={`/orders/${n.orderId}`}>{n.orderId}</Link> : '') },
        { key: 'state', header: t('notification.state'), width: '8rem', render: (n) => <span title={t('notification.attempts') + ': ' + n.attempts}><Badge tone={n.state}>{t(`notificationState.${n.state}`)}</Badge> ×{n.attempts}</span> },
        { key: 'when', header: t('notification.when'), width: '9rem', render: (n) => formatDateTime(n.sentAt ?? n.dueAt) },
        { key: 'body', header: t('notification.body'), width: '3fr', render: (n) => <span className="ellipsis" title={n.lastError ?? n.body}>{n.lastError ? `⚠ ${n.lastError}` : n.body}</span> },
        { key: 'retry', header: '', width: '7rem', render: (n) => n.state === 'failed' && (
          <button type="button" onClick={() => retry.mutate(n.id)} disabled={retry.isPending}>{t('notification.retry')}</button>
        ) },
      ]} />
    </section>
  );
}
