import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInfiniteList } from '../../shared/api/useInfiniteList';
import { formatDateTime } from '../../shared/lib/format';
import { useDebounced } from '../../shared/lib/useDebounced';
import { TextField } from '../../shared/ui/Field';
import { fieldError } from '../../shared/ui/formErrors';
import { QueryState } from '../../shared/ui/QueryState';
import { RowCount } from '../../shared/ui/RowCount';
import { VirtualTable } from '../../shared/ui/VirtualTable';

interface AuditEntry { id: number; at: string; actorLogin: string | null; ip: string | null; action: string; entity: string; entityId: string | null; changes: Record<string, unknown> | null }

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState({ actor: '', entity: '', dateFrom: '', dateTo: '' });
  const settled = useDebounced(filters);
  const query = useMemo(() => settled, [settled]);
  const { query: list, rows, loadMore, pagination } = useInfiniteList<AuditEntry>('/api/audit', query);
  const set = (key: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  return (
    <section>
      <div className="toolbar"><h1>{t('admin.audit')}</h1><RowCount pagination={pagination} /></div>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filters.title')}>
        <TextField label={t('audit.actor')} name="actor" type="search" value={filters.actor} onChange={set('actor')} error={fieldError(list.error, 'actor')} />
        <TextField label={t('audit.entity')} name="entity" type="search" value={filters.entity} onChange={set('entity')} error={fieldError(list.error, 'entity')} />
        <TextField label={t('filters.dateFrom')} name="dateFrom" type="date" value={filters.dateFrom} onChange={set('dateFrom')} error={fieldError(list.error, 'dateFrom')} />
        <TextField label={t('filters.dateTo')} name="dateTo" type="date" value={filters.dateTo} onChange={set('dateTo')} error={fieldError(list.error, 'dateTo')} />
      </form>
      <QueryState isLoading={list.isLoading} error={list.error && !fieldError(list.error, 'actor', 'entity', 'dateFrom', 'dateTo') ? list.error : null} />
      <VirtualTable label={t('admin.audit')} rows={rows} rowKey={(a) => a.id} onEndReached={loadMore} columns={[
        { key: 'at', header: t('audit.at'), width: '10.5rem', render: (a) => formatDateTime(a.at) },
        { key: 'actor', header: t('audit.actor'), width: '8rem', render: (a) => a.actorLogin ?? '—' },
        { key: 'action', header: t('audit.action'), width: '6rem', render: (a) => a.action },
        { key: 'entity', header: t('audit.entity'), width: '8rem', render: (a) => a.entity },
        { key: 'id', header: t('audit.entityId'), width: '5rem', render: (a) => a.entityId ?? '' },
        { key: 'ip', header: t('audit.ip'), width: '7rem', render: (a) => a.ip ?? '' },
        { key: 'changes', header: t('audit.changes'), width: '3fr', render: (a) => <code className="ellipsis" title={JSON.stringify(a.changes)}>{a.changes ? JSON.stringify(a.changes) : ''}</code> },
      ]} />
    </section>
  );
}
