import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCityOptions } from '../../shared/api/directories';
import { CALL_STATUSES, DIRECTIONS, type Call } from '../../shared/api/types';
import { useCursorList } from '../../shared/api/useInfiniteList';
import { formatDateTime, formatDuration } from '../../shared/lib/format';
import { useDebounced } from '../../shared/lib/useDebounced';
import { Badge } from '../../shared/ui/Badge';
import { ExportButtons } from '../../shared/ui/ExportButtons';
import { SelectField, TextField } from '../../shared/ui/Field';
import { fieldError } from '../../shared/ui/formErrors';
import { PhoneLink } from '../../shared/ui/PhoneLink';
import { QueryState } from '../../shared/ui/QueryState';
import { RowCount } from '../../shared/ui/RowCount';
import { VirtualTable, type Column } from '../../shared/ui/VirtualTable';

const EMPTY = { status: '', direction: '', city: '', phone: '', text: '', dateFrom: '', dateTo: '' };

export function CallsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cities = useCityOptions();
  const [filters, setFilters] = useState(EMPTY);
  const phone = useDebounced(filters.phone);
  const text = useDebounced(filters.text);
  const query = useMemo(() => ({ ...filters, phone, text }), [filters, phone, text]);
  const { query: list, rows, loadMore, pagination } = useCursorList<Call>('/api/calls', query);
  const set = (key: keyof typeof EMPTY) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  const columns: Column<Call>[] = [
    { key: 'date', header: t('call.date'), width: '10.5rem', render: (c) => formatDateTime(c.dateCreate) },
    { key: 'phone', header: t('call.phone'), width: '11rem', render: (c) => <PhoneLink phone={c.phoneClient} /> },
    { key: 'client', header: t('call.client'), width: '1fr', render: (c) => c.clientName ?? '—' },
    { key: 'direction', header: t('call.direction'), width: '7rem', render: (c) => t(`direction.${c.direction}`) },
    { key: 'status', header: t('call.status'), width: '7rem', render: (c) => <Badge tone={c.status}>{t(`callStatus.${c.status}`)}</Badge> },
    { key: 'operator', header: t('call.operator'), width: '1fr', render: (c) => c.operator?.name ?? '—' },
    { key: 'city', header: t('call.city'), width: '8rem', render: (c) => c.city ?? '—' },
    { key: 'rk', header: t('call.rk'), width: '7rem', render: (c) => c.rk ?? '—' },
    { key: 'wait', header: t('call.wait'), width: '5rem', render: (c) => formatDuration(c.waitSeconds) },
    { key: 'talk', header: t('call.talk'), width: '5rem', render: (c) => formatDuration(c.talkSeconds) },
  ];

  return (
    <div>
      <div className="toolbar">
        <h1>{t('nav.calls')}</h1>
        <RowCount pagination={pagination} />
        <ExportButtons report="calls" query={query} label={t('order.export')} />
      </div>
      <form className="filters" aria-label={t('filters.title')} onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('filters.phone')} name="phone" type="search" value={filters.phone} onChange={set('phone')} error={fieldError(list.error, 'phone')} />
        <TextField label={t('filters.text')} name="text" type="search" value={filters.text} onChange={set('text')} error={fieldError(list.error, 'text')} />
        <SelectField label={t('filters.status')} name="status" value={filters.status} onChange={set('status')} emptyLabel={t('app.all')}
          options={CALL_STATUSES.map((s) => ({ value: s, label: t(`callStatus.${s}`) }))} />
        <SelectField label={t('filters.direction')} name="direction" value={filters.direction} onChange={set('direction')} emptyLabel={t('app.all')}
          options={DIRECTIONS.map((s) => ({ value: s, label: t(`direction.${s}`) }))} />
        <SelectField label={t('filters.city')} name="city" value={filters.city} onChange={set('city')} emptyLabel={t('app.all')} options={cities} />
        <TextField label={t('filters.dateFrom')} name="dateFrom" type="date" value={filters.dateFrom} onChange={set('dateFrom')} error={fieldError(list.error, 'dateFrom')} />
        <TextField label={t('filters.dateTo')} name="dateTo" type="date" value={filters.dateTo} onChange={set('dateTo')} error={fieldError(list.error, 'dateTo')} />
        <button type="button" onClick={() => setFilters(EMPTY)}>{t('filters.reset')}</button>
      </form>
      <QueryState isLoading={list.isLoading} error={list.error && !fieldError(list.error, 'phone', 'text', 'dateFrom', 'dateTo') ? list.error : null} onRetry={() => list.refetch()} />
      <VirtualTable label={t('nav.calls')} rows={rows} columns={columns} rowKey={(c) => c.id} onEndReached={loadMore} onRowOpen={(c) => navigate(`/calls/${c.id}`)} />
    </div>
  );
}

