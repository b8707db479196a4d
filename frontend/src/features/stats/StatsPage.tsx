import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, type Query } from '../../shared/api/client';
import { useCityOptions } from '../../shared/api/directories';
import { periodProblem, presetPeriod, type Period } from '../../shared/lib/period';
import { formatDuration, formatPercent } from '../../shared/lib/format';
import { ExportButtons } from '../../shared/ui/ExportButtons';
import { SelectField } from '../../shared/ui/Field';
import { QueryState } from '../../shared/ui/QueryState';
import { SimpleTable } from '../../shared/ui/SimpleTable';
import { ChatStatsPanel } from './ChatStatsPanel';
import { PeriodPicker } from './PeriodPicker';
import type { Kpi } from './wallboardState';

interface OperatorStats {
  operatorId: number; name: string; city: string | null; callsTotal: number; accepted: number; missed: number; acceptanceRate: number;
  asaSeconds: number; ahtSeconds: number; talkSeconds: number; ordersCreated: number; ordersCompleted: number; revenue: number;
}
interface PeriodStats {
  orders: { total: number; byStatus: Record<string, number> };
  dailyStats: { date: string; calls: number; orders: number }[];
}
interface KpiReport { totals: Kpi; byHour: ({ hour: number } & Kpi)[] }
interface SourceStats {
  city: string | null; rk: string | null; source: string | null; inbound: number; answered: number; missed: number;
  acceptanceRate: number; orders: number; ordersCompleted: number; revenue: number;
}

function useStat<T>(path: string, params: Query, enabled: boolean) {
  return useQuery({ queryKey: [path, params], queryFn: () => api<T>(path, { query: params }), enabled });
}

interface ResultCodeStats { id: number; name: string; count: number; averageTalkSeconds: number | null }

const VIEWS = ['operators', 'cities', 'campaigns', 'dispositions', 'cancelReasons', 'chats'] as const;
const RESULT_CODE_VIEWS: Partial<Record<(typeof VIEWS)[number], string>> = { dispositions: '/api/stats/dispositions', cancelReasons: '/api/stats/cancel-reasons' };

export function StatsPage() {
  const { t } = useTranslation();
  const cities = useCityOptions();
  const [period, setPeriod] = useState<Period>(presetPeriod('week'));
  const [city, setCity] = useState('');
  const [view, setView] = useState<(typeof VIEWS)[number]>('operators');
  const valid = periodProblem(period) === null;
  const query = { ...period, city };
  const operators = useStat<OperatorStats[]>('/api/stats/operators', query, valid);
  const overall = useStat<PeriodStats>('/api/stats/overall', period, valid);
  const kpi = useStat<KpiReport>('/api/stats/kpi', query, valid);
  const sources = useStat<SourceStats[]>(`/api/stats/${view === 'campaigns' ? 'campaigns' : 'cities'}`, period, valid && (view === 'cities' || view === 'campaigns'));
  const resultCodes = useStat<ResultCodeStats[]>(RESULT_CODE_VIEWS[view] ?? '', query, valid && !!RESULT_CODE_VIEWS[view]);

  const statusData = Object.entries(overall.data?.orders.byStatus ?? {}).map(([status, count]) => ({ status: t(`orderStatus.${status}`), count }));
  return (
    <div>
      <div className="toolbar">
        <h1>{t('stats.title')}</h1>
        <ExportButtons report="operators" query={query} label={t('stats.exportOperators')} />
      </div>
      <div className="filters">
        <PeriodPicker value={period} onChange={setPeriod} />
        <SelectField label={t('filters.city')} name="city" value={city} onChange={setCity} emptyLabel={t('app.all')} options={cities} />
      </div>
      {kpi.data && (
        <div className="tiles">
          <div className="tile"><span className="tile-label">{t('stats.inbound')}</span><span className="tile-value">{kpi.data.totals.inbound}</span></div>
          <div className="tile"><span className="tile-label">{t('wallboard.serviceLevel')}</span><span className="tile-value">{formatPercent(kpi.data.totals.serviceLevel)}</span></div>
          <div className="tile"><span className="tile-label">{t('wallboard.abandonment')}</span><span className="tile-value">{formatPercent(kpi.data.totals.abandonmentRate)}</span></div>
          <div className="tile"><span className="tile-label">{t('stats.asa')}</span><span className="tile-value">{formatDuration(kpi.data.totals.asaSeconds)}</span></div>
          <div className="tile"><span className="tile-label">{t('stats.aht')}</span><span className="tile-value">{formatDuration(kpi.data.totals.ahtSeconds)}</span></div>
        </div>
      )}
      <div className="charts">
        <figure className="card chart">
          <figcaption>{t('stats.callsPerDay')}</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={overall.data?.dailyStats ?? []}>
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
        <figure className="card chart">
          <figcaption>{t('stats.byHour')}</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={kpi.data?.byHour ?? []}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="hour" fontSize={11} />
              <YAxis fontSize={11} />
              <Tooltip />
              <Legend />
              <Line dataKey="asaSeconds" name={t('stats.asa')} stroke="#1f5fbf" dot={false} isAnimationActive={false} />
              <Line dataKey="ahtSeconds" name={t('stats.aht')} stroke="#c46a00" dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
        <figure className="card chart">
          <figcaption>{t('stats.ordersByStatus')}</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={statusData}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="status" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} />
              <Tooltip />
              <Bar dataKey="count" name={t('stats.orders')} fill="#6b4fbb" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      </div>
      <div className="tabs" role="tablist" aria-label={t('stats.title')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'active' : undefined} onClick={() => setView(v)}>
            {t(`stats.${v}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {view === 'chats' ? (
          <ChatStatsPanel query={query} enabled={valid} />
        ) : view === 'operators' ? (
          <>
            <QueryState isLoading={operators.isLoading} error={operators.error} />
            <SimpleTable caption={t('stats.operators')} rows={operators.data ?? []} rowKey={(r) => r.operatorId} columns={[
              { key: 'name', header: t('stats.name'), render: (r) => <Link to={`/stats/operators/${r.operatorId}?name=${encodeURIComponent(r.name)}`}>{r.name}</Link> },
              { key: 'city', header: t('call.city'), render: (r) => r.city ?? '—' },
              { key: 'total', header: t('stats.total'), numeric: true, render: (r) => r.callsTotal },
              { key: 'accepted', header: t('stats.accepted'), numeric: true, render: (r) => r.accepted },
              { key: 'missed', header: t('stats.missed'), numeric: true, render: (r) => r.missed },
              { key: 'rate', header: t('stats.rate'), numeric: true, render: (r) => formatPercent(r.acceptanceRate) },
              { key: 'asa', header: t('stats.asa'), numeric: true, render: (r) => formatDuration(r.asaSeconds) },
              { key: 'aht', header: t('stats.aht'), numeric: true, render: (r) => formatDuration(r.ahtSeconds) },
              { key: 'talk', header: t('stats.talk'), numeric: true, render: (r) => formatDuration(r.talkSeconds) },
              { key: 'orders', header: t('stats.ordersCreated'), numeric: true, render: (r) => r.ordersCreated },
              { key: 'completed', header: t('stats.ordersCompleted'), numeric: true, render: (r) => r.ordersCompleted },
              { key: 'revenue', header: t('stats.revenue'), numeric: true, render: (r) => r.revenue },
            ]} />
          </>
        ) : RESULT_CODE_VIEWS[view] ? (
          <>
            <QueryState isLoading={resultCodes.isLoading} error={resultCodes.error} />
            <SimpleTable caption={t(`stats.${view}`)} rows={resultCodes.data ?? []} rowKey={(r) => r.id} columns={[
              { key: 'name', header: t('stats.name'), render: (r) => r.name },
              { key: 'count', header: t('stats.count'), numeric: true, render: (r) => r.count },
              ...(view === 'dispositions'
                ? [{ key: 'talk', header: t('stats.avgTalk'), numeric: true, render: (r: ResultCodeStats) => (r.averageTalkSeconds === null ? '—' : formatDuration(r.averageTalkSeconds)) }]
                : []),
            ]} />
          </>
        ) : (
          <>
            <QueryState isLoading={sources.isLoading} error={sources.error} />
            <SimpleTable caption={t(`stats.${view}`)} rows={sources.data ?? []} rowKey={(r) => `${r.city}-${r.rk}`} columns={[
              view === 'cities'
                ? { key: 'city', header: t('call.city'), render: (r) => r.city ?? t('stats.noCity') }
                : { key: 'rk', header: t('call.rk'), render: (r) => (r.rk ? `${r.rk}${r.source ? ` · ${r.source}` : ''}` : t('stats.noCampaign')) },
              ...(view === 'campaigns' ? [{ key: 'city', header: t('call.city'), render: (r: SourceStats) => r.city ?? '—' }] : []),
              { key: 'inbound', header: t('stats.inbound'), numeric: true, render: (r) => r.inbound },
              { key: 'answered', header: t('stats.answered'), numeric: true, render: (r) => r.answered },
              { key: 'missed', header: t('stats.missed'), numeric: true, render: (r) => r.missed },
              { key: 'rate', header: t('stats.rate'), numeric: true, render: (r) => formatPercent(r.acceptanceRate) },
              { key: 'orders', header: t('stats.orders'), numeric: true, render: (r) => r.orders },
              { key: 'completed', header: t('stats.ordersCompleted'), numeric: true, render: (r) => r.ordersCompleted },
              { key: 'revenue', header: t('stats.revenue'), numeric: true, render: (r) => r.revenue },
            ]} />
          </>
        )}
      </div>
    </div>
  );
}
