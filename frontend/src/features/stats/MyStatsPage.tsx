import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../shared/api/client';
import { formatDuration, formatPercent } from '../../shared/lib/format';
import { periodProblem, presetPeriod, type Period } from '../../shared/lib/period';
import { QueryState } from '../../shared/ui/QueryState';
import { PeriodPicker } from './PeriodPicker';

/** `/api/stats/my` and `/api/stats/operator/{id}`: one operator's period. */
interface OperatorPeriod {
  calls: { total: number; accepted: number; missed: number; acceptanceRate: number; averageTalkSeconds: number; ahtSeconds: number };
  outbound: { total: number; answered: number };
  orders: { total: number; byStatus: Record<string, number>; revenue: number };
  dailyStats: { date: string; calls: number; orders: number }[];
}

/**
 * The figures an operator is judged by, over today, the week or the month: their own at
 * /my-stats, one operator's for a supervisor at /stats/operators/:id.
 */
export function MyStatsPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const [period, setPeriod] = useState<Period>(presetPeriod('today'));
  const valid = periodProblem(period) === null;
  const path = id ? `/api/stats/operator/${id}` : '/api/stats/my';
  const stats = useQuery({ queryKey: [path, period], queryFn: () => api<OperatorPeriod>(path, { query: period }), enabled: valid });
  const title = id ? t('myStats.ofOperator', { name: params.get('name') ?? `№${id}` }) : t('nav.myStats');
  const s = stats.data;
  const money = (value: number) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 }).format(value);
  const tiles: [string, string, string][] = s
    ? [
        ['calls', t('myStats.calls'), String(s.calls.total)],
        ['accepted', t('stats.accepted'), String(s.calls.accepted)],
        ['missed', t('stats.missed'), String(s.calls.missed)],
        ['rate', t('stats.rate'), formatPercent(s.calls.acceptanceRate)],
        ['talk', t('myStats.averageTalk'), formatDuration(s.calls.averageTalkSeconds)],
        ['aht', t('stats.aht'), formatDuration(s.calls.ahtSeconds)],
        ['outbound', t('myStats.outbound'), `${s.outbound.answered} / ${s.outbound.total}`],
        ['orders', t('stats.ordersCreated'), String(s.orders.total)],
        ['completed', t('stats.ordersCompleted'), String(s.orders.byStatus.completed ?? 0)],
        ['revenue', t('stats.revenue'), money(s.orders.revenue)],
      ]
    : [];
  return (
    <div>
      <div className="toolbar">
        <h1>{title}</h1>
      </div>
      <div className="filters">
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      <QueryState isLoading={stats.isLoading} error={stats.error} onRetry={() => stats.refetch()} />
      <div className="tiles" data-testid="my-stats">
        {tiles.map(([key, label, value]) => (
          <div key={key} className="tile" data-kpi={key}>
            <span className="tile-label">{label}</span>
            <span className="tile-value">{value}</span>
          </div>
        ))}
      </div>
      {s && s.dailyStats.length > 1 && (
        <figure className="card chart">
          <figcaption>{t('stats.callsPerDay')}</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={s.dailyStats}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="date" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} />
              <Tooltip />
              <Legend />
              <Bar dataKey="calls" name={t('stats.calls')} fill="#1f5fbf" isAnimationActive={false} />
              <Bar dataKey="orders" name={t('stats.orders')} fill="#2e9d5b" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      )}
    </div>
  );
}
