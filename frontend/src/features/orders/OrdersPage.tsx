import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useCityOptions } from '../../shared/api/directories';
import { ORDER_STATUSES, type Order } from '../../shared/api/types';
import { useInfiniteList } from '../../shared/api/useInfiniteList';
import { formatDateTime } from '../../shared/lib/format';
import { useDebounced } from '../../shared/lib/useDebounced';
import { Badge } from '../../shared/ui/Badge';
import { ExportButtons } from '../../shared/ui/ExportButtons';
import { SelectField, TextField } from '../../shared/ui/Field';
import { fieldError } from '../../shared/ui/formErrors';
import { FormMessage } from '../../shared/ui/FormMessage';
import { PhoneLink } from '../../shared/ui/PhoneLink';
import { QueryState } from '../../shared/ui/QueryState';
import { RowCount } from '../../shared/ui/RowCount';
import { VirtualTable, type Column } from '../../shared/ui/VirtualTable';

const EMPTY = { status: '', city: '', phone: '', dateFrom: '', dateTo: '' };

export function OrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const cities = useCityOptions();
  const [filters, setFilters] = useState(EMPTY);
  const phone = useDebounced(filters.phone);
  const query = useMemo(() => ({ ...filters, phone }), [filters, phone]);
  const { query: list, rows, loadMore, pagination } = useInfiniteList<Order>('/api/orders', query);
  const set = (key: keyof typeof EMPTY) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const created = params.get('created');

  const columns: Column<Order>[] = [
    { key: 'id', header: t('order.id'), width: '5rem', render: (o) => o.id },
    { key: 'created', header: t('order.createdAt'), width: '10.5rem', render: (o) => formatDateTime(o.createdAt) },
    { key: 'status', header: t('order.status'), width: '7rem', render: (o) => <Badge tone={o.status}>{t(`orderStatus.${o.status}`)}</Badge> },
    { key: 'phone', header: t('order.phone'), width: '11rem', render: (o) => <PhoneLink phone={o.phone} /> },
    { key: 'client', header: t('order.clientName'), width: '1fr', render: (o) => o.clientName ?? '—' },
    { key: 'city', header: t('order.city'), width: '8rem', render: (o) => o.city },
    { key: 'rk', header: t('order.rk'), width: '7rem', render: (o) => o.rk ?? '—' },
    { key: 'type', header: t('order.typeOrder'), width: '7rem', render: (o) => t(`orderType.${o.typeOrder}`) },
    { key: 'problem', header: t('order.problem'), width: '2fr', render: (o) => [o.typeEquipment, o.problem].filter(Boolean).join(': ') || '—' },
  ];

  return (
    <div>
      <div className="toolbar">
        <h1>{t('nav.orders')}</h1>
        <RowCount pagination={pagination} />
        <Link className="button primary" to="/orders/new">{t('order.new')}</Link>
        <ExportButtons report="orders" query={query} label={t('order.export')} />
      </div>
      {created && <FormMessage kind="success" message={t('order.created', { id: created })} />}
      <form className="filters" aria-label={t('filters.title')} onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('filters.phone')} name="phone" type="search" value={filters.phone} onChange={set('phone')} error={fieldError(list.error, 'phone')} />
        <SelectField label={t('filters.status')} name="status" value={filters.status} onChange={set('status')} emptyLabel={t('app.all')}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))} />
        <SelectField label={t('filters.city')} name="city" value={filters.city} onChange={set('city')} emptyLabel={t('app.all')} options={cities} />
        <TextField label={t('filters.dateFrom')} name="dateFrom" type="date" value={filters.dateFrom} onChange={set('dateFrom')} error={fieldError(list.error, 'dateFrom')} />
        <TextField label={t('filters.dateTo')} name="dateTo" type="date" value={filters.dateTo} onChange={set('dateTo')} error={fieldError(list.error, 'dateTo')} />
        <button type="button" onClick={() => setFilters(EMPTY)}>{t('filters.reset')}</button>
      </form>
      <QueryState isLoading={list.isLoading} error={list.error && !fieldError(list.error, 'phone', 'dateFrom', 'dateTo') ? list.error : null} onRetry={() => list.refetch()} />
      <VirtualTable label={t('nav.orders')} rows={rows} columns={columns} rowKey={(o) => o.id} onEndReached={loadMore} onRowOpen={(o) => navigate(`/orders/${o.id}`)} />
    </div>
  );
}
