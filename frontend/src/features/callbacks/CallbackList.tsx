import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPage, api, ApiError } from '../../shared/api/client';
import { formatDateTime } from '../../shared/lib/format';
import { Badge } from '../../shared/ui/Badge';
import { SelectField } from '../../shared/ui/Field';
import { useNotify } from '../../shared/ui/Notices';
import { PhoneLink } from '../../shared/ui/PhoneLink';
import { QueryState } from '../../shared/ui/QueryState';
import { SimpleTable } from '../../shared/ui/SimpleTable';

interface Callback {
  id: number;
  clientName: string | null;
  phone: string;
  city: string | null;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  missedCount: number;
  lastMissedAt: string;
}

const STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

/** Clients whose calls were missed and who have not been reached since (`/api/callbacks`). */
export function CallbackList({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('open');
  const list = useQuery({
    queryKey: ['callbacks', status],
    queryFn: () => apiPage<Callback>('/api/callbacks', { query: { status, limit: 100 } }),
    refetchInterval: 30_000,
  });
  const update = useMutation({
    mutationFn: ({ id, next }: { id: number; next: string }) => api(`/api/callbacks/${id}`, { method: 'PATCH', body: { status: next } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['callbacks'] }),
    onError: (error) => notify(error instanceof ApiError ? error.message : String(error), 'error'),
  });
  const Heading = compact ? 'h2' : 'h1';
  return (
    <section className={compact ? 'card' : undefined} aria-labelledby="callbacks-title">
      <div className="toolbar">
        <Heading id="callbacks-title">{t('callback.title')}</Heading>
        <SelectField label={t('callback.status')} name="callbackStatus" value={status} onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`callbackStatus.${s}`) }))} />
      </div>
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()} />
      <SimpleTable
        caption={t('callback.title')}
        rows={list.data?.data ?? []}
        rowKey={(c) => c.id}
        columns={[
          { key: 'client', header: t('callback.client'), render: (c) => c.clientName ?? '—' },
          { key: 'phone', header: t('callback.phone'), render: (c) => <PhoneLink phone={c.phone} /> },
          ...(compact ? [] : [{ key: 'city', header: t('callback.city'), render: (c: Callback) => c.city ?? '—' }]),
          { key: 'missed', header: t('callback.missed'), numeric: true, render: (c) => c.missedCount },
          { key: 'last', header: t('callback.last'), render: (c) => formatDateTime(c.lastMissedAt) },
          { key: 'status', header: t('callback.status'), render: (c) => <Badge tone={c.status}>{t(`callbackStatus.${c.status}`)}</Badge> },
          {
            key: 'actions',
            header: t('app.actions'),
            render: (c) =>
              c.status === 'open' || c.status === 'in_progress' ? (
                <span className="row-actions">
                  {c.status === 'open' && <button type="button" onClick={() => update.mutate({ id: c.id, next: 'in_progress' })}>{t('callback.take')}</button>}
                  <button type="button" onClick={() => update.mutate({ id: c.id, next: 'done' })}>{t('callback.done')}</button>
                  <button type="button" onClick={() => update.mutate({ id: c.id, next: 'cancelled' })}>{t('callback.cancel')}</button>
                </span>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
