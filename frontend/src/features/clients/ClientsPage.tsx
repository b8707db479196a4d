import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useInfiniteList } from '../../shared/api/useInfiniteList';
import { formatDateTime, formatPhone } from '../../shared/lib/format';
import { useDebounced } from '../../shared/lib/useDebounced';
import { TextField } from '../../shared/ui/Field';
import { fieldError } from '../../shared/ui/formErrors';
import { QueryState } from '../../shared/ui/QueryState';
import { RowCount } from '../../shared/ui/RowCount';
import { VirtualTable, type Column } from '../../shared/ui/VirtualTable';
import { ClientFlags } from './ClientFlags';
import type { ClientRow } from './clients';

/** Clients found by a phone in any writing, a name or a tag; the last contact is read with the list. */
export function ClientsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState({ q: '', tag: '' });
  const q = useDebounced(filters.q);
  const tag = useDebounced(filters.tag);
  const query = useMemo(() => ({ q, tag }), [q, tag]);
  const { query: list, rows, loadMore, pagination } = useInfiniteList<ClientRow>('/api/clients', query);

  const columns: Column<ClientRow>[] = [
    { key: 'id', header: t('client.id'), width: '5rem', render: (c) => c.id },
    {
      key: 'name', header: t('client.name'), width: '2fr',
      render: (c) => <>{c.anonymised ? t('client.anonymised') : c.name ?? '—'} <ClientFlags vip={c.vip} doNotServe={c.doNotServe} /></>,
    },
    { key: 'phones', header: t('client.phones'), width: '2fr', render: (c) => c.phones.map(formatPhone).join(', ') || '—' },
    { key: 'city', header: t('client.city'), width: '8rem', render: (c) => c.city ?? '—' },
    { key: 'tags', header: t('client.tags'), width: '1fr', render: (c) => c.tags.join(', ') || '—' },
    { key: 'last', header: t('client.lastContact'), width: '10.5rem', render: (c) => formatDateTime(c.lastContactAt) },
  ];

  return (
    <div>
      <div className="toolbar">
        <h1>{t('nav.clients')}</h1>
        <RowCount pagination={pagination} />
      </div>
      <form className="filters" role="search" aria-label={t('filters.title')} onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('client.search')} name="q" type="search" value={filters.q} placeholder={t('client.searchHint')}
          onChange={(value) => setFilters((f) => ({ ...f, q: value }))} error={fieldError(list.error, 'q')} />
        <TextField label={t('client.tag')} name="tag" type="search" value={filters.tag}
          onChange={(value) => setFilters((f) => ({ ...f, tag: value }))} />
      </form>
      <QueryState isLoading={list.isLoading} error={list.error && !fieldError(list.error, 'q') ? list.error : null} onRetry={() => list.refetch()} />
      <VirtualTable label={t('nav.clients')} rows={rows} columns={columns} rowKey={(c) => c.id} onEndReached={loadMore}
        onRowOpen={(c) => navigate(`/clients/${c.id}`)} />
    </div>
  );
}
