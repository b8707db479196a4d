import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, apiPage, ApiError } from '../../shared/api/client';
import { useCityOptions } from '../../shared/api/directories';
import { useSession } from '../../shared/api/useSession';
import { formatDateTime } from '../../shared/lib/format';
import { Badge } from '../../shared/ui/Badge';
import { SelectField } from '../../shared/ui/Field';
import { fieldError } from '../../shared/ui/formErrors';
import { FormMessage } from '../../shared/ui/FormMessage';
import { useNotify } from '../../shared/ui/Notices';
import { PhoneLink } from '../../shared/ui/PhoneLink';
import { QueryState } from '../../shared/ui/QueryState';
import { SimpleTable } from '../../shared/ui/SimpleTable';
import { localInputValue, PRIORITIES, TASK_STATUSES, withOffset, type Task } from './tasks';

interface Counts { open: number; overdue: number; high: number }

/**
 * Tasks and call-backs (scheduled ones and those opened by missed calls), soonest due first; overdue
 * ones highlighted; done and reschedule in the row. `compact`: the workspace's side list of the same
 * open tasks, without counts and filters.
 */
export function TasksPage({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const session = useSession();
  const cities = useCityOptions();
  const [params] = useSearchParams();
  const [filters, setFilters] = useState({ status: 'open', assignee: '', priority: '', overdue: '', city: '' });
  const [moving, setMoving] = useState<{ id: number; dueAt: string } | null>(null);
  const set = (key: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const list = useQuery({
    queryKey: ['tasks', filters],
    queryFn: () => apiPage<Task>('/api/tasks', { query: { ...filters, limit: 100 } }),
    refetchInterval: 30_000,
  });
  const counts = useQuery({
    queryKey: ['tasks-counts', filters.city],
    queryFn: () => api<Counts>('/api/tasks/counts', { query: { city: filters.city } }),
    refetchInterval: 30_000,
    enabled: !compact,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: number; body: Record<string, string> }) => api<Task>(`/api/tasks/${id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      setMoving(null);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks-counts'] });
    },
    onError: (error) => notify(error instanceof ApiError ? error.message : String(error), 'error'),
  });
  const created = params.get('created');
  const seesAllCities = session?.user.role !== 'operator';
  const Heading = compact ? 'h2' : 'h1';
  return (
    <section className={compact ? 'card' : undefined} aria-labelledby="tasks-title">
      <div className="toolbar">
        <Heading id="tasks-title">{t('nav.tasks')}</Heading>
        <Link className="button primary" to="/tasks/new">{t('task.new')}</Link>
      </div>
      {created && <FormMessage kind="success" message={t('task.created', { id: created })} />}
      {!compact && counts.data && (
        <div className="tiles" data-testid="task-counts">
          <div className="tile"><span className="tile-label">{t('task.countOpen')}</span><span className="tile-value">{counts.data.open}</span></div>
          <div className="tile tile-bad"><span className="tile-label">{t('task.countOverdue')}</span><span className="tile-value">{counts.data.overdue}</span></div>
          <div className="tile"><span className="tile-label">{t('task.countHigh')}</span><span className="tile-value">{counts.data.high}</span></div>
        </div>
      )}
      {!compact && <form className="filters" aria-label={t('filters.title')} onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('filters.status')} name="status" value={filters.status} onChange={set('status')}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))} />
        <SelectField label={t('task.assignee')} name="assignee" value={filters.assignee} onChange={set('assignee')} emptyLabel={t('app.all')}
          options={[{ value: 'me', label: t('task.me') }, { value: 'city', label: t('task.cityQueue') }]} />
        <SelectField label={t('task.priority')} name="priority" value={filters.priority} onChange={set('priority')} emptyLabel={t('app.all')}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`taskPriority.${p}`) }))} />
        <SelectField label={t('task.overdueFilter')} name="overdue" value={filters.overdue} onChange={set('overdue')} emptyLabel={t('app.all')}
          options={[{ value: 'true', label: t('task.overdueOnly') }]} />
        {seesAllCities && (
          <SelectField label={t('filters.city')} name="city" value={filters.city} onChange={set('city')} emptyLabel={t('app.all')} options={cities}
            error={fieldError(list.error, 'city')} />
        )}
      </form>}
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()} />
      <SimpleTable
        caption={t('nav.tasks')}
        rows={list.data?.data ?? []}
        rowKey={(task) => task.id}
        rowClass={(task) => (task.overdue ? 'row-overdue' : undefined)}
        columns={[
          {
            key: 'due', header: t('task.dueAt'),
            render: (task) => <>{formatDateTime(task.dueAt)}{task.overdue && <> <Badge tone="overdue">{t('task.overdue')}</Badge></>}</>,
          },
          {
            key: 'title', header: t('task.title'),
            render: (task) => <><strong>{task.missed ? t('task.missedTitle', { count: task.missedCount }) : task.title}</strong>{task.note ? <div className="muted">{task.note}</div> : null}</>,
          },
          ...(compact ? [] : [{ key: 'kind', header: t('task.kind'), render: (task: Task) => t(`taskKind.${task.kind}`) }]),
          {
            key: 'client', header: t('task.client'),
            render: (task) => <>{task.clientId ? <Link to={`/clients/${task.clientId}`}>{task.clientName ?? `№${task.clientId}`}</Link> : '—'}{' '}{task.phone && <PhoneLink phone={task.phone} />}</>,
          },
          ...(compact ? [] : [
            { key: 'assignee', header: t('task.assignee'), render: (task: Task) => task.assignee ?? `${t('task.cityQueue')}${task.city ? ` · ${task.city}` : ''}` },
            { key: 'priority', header: t('task.priority'), render: (task: Task) => <Badge tone={`priority-${task.priority}`}>{t(`taskPriority.${task.priority}`)}</Badge> },
            { key: 'status', header: t('filters.status'), render: (task: Task) => <Badge tone={task.status}>{t(`taskStatus.${task.status}`)}</Badge> },
          ]),
          {
            key: 'actions', header: t('app.actions'),
            render: (task) => task.status !== 'open' ? null : moving?.id === task.id ? (
              <form className="row-actions" onSubmit={(e) => { e.preventDefault(); update.mutate({ id: task.id, body: { dueAt: withOffset(moving.dueAt) } }); }}>
                <label className="visually-hidden" htmlFor={`due-${task.id}`}>{t('task.newDueAt')}</label>
                <input id={`due-${task.id}`} type="datetime-local" value={moving.dueAt} onChange={(e) => setMoving({ id: task.id, dueAt: e.target.value })} />
                <button type="submit" className="primary">{t('app.save')}</button>
                <button type="button" onClick={() => setMoving(null)}>{t('app.cancel')}</button>
              </form>
            ) : (
              <span className="row-actions">
                <button type="button" onClick={() => update.mutate({ id: task.id, body: { status: 'done' } })}>{t('task.done')}</button>
                <button type="button" onClick={() => setMoving({ id: task.id, dueAt: localInputValue(new Date(Math.max(Date.now(), new Date(task.dueAt).getTime()) + 3600_000)) })}>
                  {t('task.reschedule')}
                </button>
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
