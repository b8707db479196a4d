import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCityOptions } from '../../shared/api/directories';
import { useLiveSocket } from '../../shared/api/liveSocket';
import { useInfiniteList } from '../../shared/api/useInfiniteList';
import { formatDateTime, formatPhone } from '../../shared/lib/format';
import { Badge } from '../../shared/ui/Badge';
import { SelectField } from '../../shared/ui/Field';
import { fieldError } from '../../shared/ui/formErrors';
import { QueryState } from '../../shared/ui/QueryState';
import { RowCount } from '../../shared/ui/RowCount';
import { VirtualTable, type Column } from '../../shared/ui/VirtualTable';
import { CONVERSATION_STATUSES, type Conversation } from './conversation';
import { SlaDeadline } from './SlaDeadline';

/**
 * Chats with clients; the default view is the operators' queue (status queued, oldest first). A chat
 * change pushed over /ws/operator (a new chat, a message, an owner) reloads the list: no polling.
 */
export function ConversationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cities = useCityOptions();
  const [filters, setFilters] = useState({ status: 'queued', city: '' });
  const query = useMemo(() => ({ ...filters }), [filters]);
  const { query: list, rows, loadMore, pagination } = useInfiniteList<Conversation>('/api/conversations', query);
  const socket = useLiveSocket('/ws/operator', (message) => {
    if (message?.type === 'chat') void list.refetch();
  });
  const columns: Column<Conversation>[] = [
    { key: 'id', header: t('chat.id'), width: '4rem', render: (c) => c.id },
    { key: 'status', header: t('chat.status'), width: '8rem', render: (c) => <Badge tone={c.status}>{t(`chatStatus.${c.status}`)}</Badge> },
    { key: 'last', header: t('chat.lastMessage'), width: '10.5rem', render: (c) => formatDateTime(c.lastMessageAt ?? c.createdAt) },
    { key: 'ad', header: t('chat.ad'), width: '1fr', render: (c) => c.adTitle ?? c.itemId ?? '—' },
    { key: 'phone', header: t('chat.phone'), width: '10rem', render: (c) => formatPhone(c.clientPhone) || '—' },
    { key: 'city', header: t('chat.city'), width: '8rem', render: (c) => c.city ?? '—' },
    { key: 'reason', header: t('chat.queueReason'), width: '1fr', render: (c) => c.queueReason ?? '' },
    { key: 'sla', header: t('chatSla.deadline'), width: '12rem', render: (c) => <SlaDeadline sla={c.sla} /> },
    { key: 'assignee', header: t('chat.assignee'), width: '9rem', render: (c) => c.assignee ?? '—' },
    { key: 'channel', header: t('chat.channel'), width: '6rem', render: (c) => c.channel },
  ];
  return (
    <div>
      <div className="toolbar">
        <h1>{t('nav.conversations')}</h1>
        <RowCount pagination={pagination} />
        <span className="visually-hidden" data-testid="socket-state" data-state={socket}>{socket}</span>
      </div>
      <form className="filters" aria-label={t('filters.title')} onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('filters.status')} name="status" value={filters.status} onChange={(status) => setFilters((f) => ({ ...f, status }))}
          emptyLabel={t('app.all')} options={CONVERSATION_STATUSES.map((s) => ({ value: s, label: t(`chatStatus.${s}`) }))} error={fieldError(list.error, 'status')} />
        <SelectField label={t('filters.city')} name="city" value={filters.city} onChange={(city) => setFilters((f) => ({ ...f, city }))}
          emptyLabel={t('app.all')} options={cities} error={fieldError(list.error, 'city')} />
      </form>
      <QueryState isLoading={list.isLoading} error={list.error && !fieldError(list.error, 'status', 'city') ? list.error : null} onRetry={() => list.refetch()} />
      <VirtualTable label={t('nav.conversations')} rows={rows} columns={columns} rowKey={(c) => c.id} onEndReached={loadMore}
        onRowOpen={(c) => navigate(`/conversations/${c.id}`)} />
    </div>
  );
}
