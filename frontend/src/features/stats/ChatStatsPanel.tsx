import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../../shared/api/client';
import { formatDuration, formatPercent } from '../../shared/lib/format';
import { ExportButtons } from '../../shared/ui/ExportButtons';
import { QueryState } from '../../shared/ui/QueryState';
import { SimpleTable, type SimpleColumn } from '../../shared/ui/SimpleTable';
import { aiShare, breaches, type ChatFigures, type ChatReport } from './chatFigures';

const GROUPS = ['operator', 'city', 'day'] as const;

/** The columns every grouping shares, after its own first column. */
function figureColumns<T>(t: (key: string) => string, of: (row: T) => ChatFigures): SimpleColumn<T>[] {
  return [
    { key: 'chats', header: t('chatStats.chats'), numeric: true, render: (r) => of(r).chats },
    { key: 'aiOnly', header: t('chatStats.aiOnly'), numeric: true, render: (r) => of(r).aiOnly },
    { key: 'byPeople', header: t('chatStats.byPeople'), numeric: true, render: (r) => of(r).byPeople },
    { key: 'perChat', header: t('chatStats.messagesPerChat'), numeric: true, render: (r) => of(r).messagesPerChat },
    { key: 'rounds', header: t('chatStats.rounds'), numeric: true, render: (r) => of(r).rounds },
    { key: 'firstResponse', header: t('chatStats.firstResponse'), numeric: true, render: (r) => formatDuration(of(r).averageFirstResponseSeconds) },
    { key: 'resolution', header: t('chatStats.resolution'), numeric: true, render: (r) => formatDuration(of(r).averageResolutionSeconds) },
    { key: 'firstBreaches', header: t('chatStats.firstResponseBreaches'), numeric: true, render: (r) => of(r).firstResponseBreaches },
    { key: 'resolutionBreaches', header: t('chatStats.resolutionBreaches'), numeric: true, render: (r) => of(r).resolutionBreaches },
  ];
}

/** The statistics page's chat tab: totals, then the figures per operator, city or day, and their export. */
export function ChatStatsPanel({ query, enabled }: { query: Query; enabled: boolean }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<(typeof GROUPS)[number]>('operator');
  const report = useQuery({ queryKey: ['/api/stats/chats', query], queryFn: () => api<ChatReport>('/api/stats/chats', { query }), enabled });
  const data = report.data;
  return (
    <>
      <QueryState isLoading={report.isLoading} error={report.error} />
      {data && (
        <div className="tiles" data-testid="chat-totals">
          <div className="tile"><span className="tile-label">{t('chatStats.chats')}</span><span className="tile-value" data-testid="chat-total">{data.total.chats}</span></div>
          <div className="tile"><span className="tile-label">{t('chatStats.aiShare')}</span><span className="tile-value">{formatPercent(aiShare(data.total))}</span></div>
          <div className="tile"><span className="tile-label">{t('chatStats.firstResponse')}</span><span className="tile-value">{formatDuration(data.total.averageFirstResponseSeconds)}</span></div>
          <div className="tile"><span className="tile-label">{t('chatStats.resolution')}</span><span className="tile-value">{formatDuration(data.total.averageResolutionSeconds)}</span></div>
          <div className="tile"><span className="tile-label">{t('chatStats.breaches')}</span><span className="tile-value" data-testid="chat-breaches">{breaches(data.total)}</span></div>
        </div>
      )}
      <div className="toolbar">
        <div className="tabs" role="tablist" aria-label={t('chatStats.by')}>
          {GROUPS.map((g) => (
            <button key={g} type="button" role="tab" aria-selected={group === g} className={group === g ? 'active' : undefined} onClick={() => setGroup(g)}>
              {t(`chatStats.by_${g}`)}
            </button>
          ))}
        </div>
        <ExportButtons report="chats" query={{ ...query, by: group }} label={t('chatStats.export')} />
      </div>
      {data && group === 'operator' && (
        <SimpleTable caption={t('chatStats.by_operator')} rows={data.operators} rowKey={(r) => r.operatorId} columns={[
          { key: 'name', header: t('stats.name'), render: (r) => r.name },
          { key: 'city', header: t('call.city'), render: (r) => r.city ?? '—' },
          ...figureColumns<ChatReport['operators'][number]>(t, (r) => r.figures),
        ]} />
      )}
      {data && group === 'city' && (
        <SimpleTable caption={t('chatStats.by_city')} rows={data.cities} rowKey={(r) => String(r.cityId)} columns={[
          { key: 'city', header: t('call.city'), render: (r) => r.name ?? t('stats.noCity') },
          ...figureColumns<ChatReport['cities'][number]>(t, (r) => r.figures),
        ]} />
      )}
      {data && group === 'day' && (
        <SimpleTable caption={t('chatStats.by_day')} rows={data.days} rowKey={(r) => r.day} columns={[
          { key: 'day', header: t('chatStats.day'), render: (r) => r.day },
          ...figureColumns<ChatReport['days'][number]>(t, (r) => r.figures),
        ]} />
      )}
    </>
  );
}
