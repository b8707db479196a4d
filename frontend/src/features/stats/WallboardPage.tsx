import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { useLiveSocket } from '../../shared/api/liveSocket';
import { formatDateTime, formatDuration, formatPercent } from '../../shared/lib/format';
import { Badge } from '../../shared/ui/Badge';
import { SimpleTable } from '../../shared/ui/SimpleTable';
import { aiShare, breaches } from './chatFigures';
import { applySupervisorMessage, LIVE_STATES, type OperatorLive, type Wallboard, type WallboardState } from './wallboardState';

function Tile({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div className="tile">
      <span className="tile-label">{label}</span>
      <span className="tile-value" data-testid={testId}>{value}</span>
    </div>
  );
}

/** Calls and chats waiting, the longest wait, operators by state and today's call and chat figures, pushed as they change. */
export function WallboardPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<WallboardState>({ board: null, roster: [] });
  const socket = useLiveSocket('/ws/supervisor', (message) => setState((s) => applySupervisorMessage(s, message)));
  useEffect(() => {
    // the socket sends changes only: the current figures come from the REST snapshot
    void api<Wallboard>('/api/stats/wallboard').then((board) => setState((s) => applySupervisorMessage(s, { ...board, type: 'wallboard' })));
    void api<OperatorLive[]>('/api/operators/live').then((roster) =>
      setState((s) => roster.reduce((acc, row) => applySupervisorMessage(acc, { ...row, type: 'operator-state' }), s)),
    );
  }, []);
  const board = state.board;
  return (
    <div>
      <div className="toolbar">
        <h1>{t('wallboard.title')}</h1>
        <span className={`live live-${socket}`} role="status">{t(`live.${socket}`)}</span>
        {board && <span className="muted">{t('wallboard.updated', { time: formatDateTime(board.at) })}</span>}
      </div>
      {board && (
        <div className="tiles" aria-live="polite">
          <Tile label={t('wallboard.waiting')} value={board.callsWaiting} testId="calls-waiting" />
          <Tile label={t('wallboard.longestWait')} value={formatDuration(board.longestWaitSeconds)} />
          <Tile label={t('chatSla.boardWaiting')} value={board.chatsWaiting} testId="chats-waiting" />
          <Tile label={t('chatSla.boardOverdue')} value={board.chatsOverdue} testId="chats-overdue" />
          <Tile label={t('wallboard.serviceLevel')} value={formatPercent(board.today.serviceLevel)} />
          <Tile label={t('wallboard.abandonment')} value={formatPercent(board.today.abandonmentRate)} />
          <Tile label={t('wallboard.inboundToday')} value={board.today.inbound} testId="inbound-today" />
          <Tile label={t('wallboard.answeredToday')} value={board.today.answered} />
          <Tile label={t('wallboard.asa')} value={formatDuration(board.today.asaSeconds)} />
          <Tile label={t('wallboard.aht')} value={formatDuration(board.today.ahtSeconds)} />
          <Tile label={t('chatStats.boardChats')} value={board.chatsToday.chats} testId="chats-today" />
          <Tile label={t('chatStats.aiShare')} value={formatPercent(aiShare(board.chatsToday))} />
          <Tile label={t('chatStats.firstResponse')} value={formatDuration(board.chatsToday.averageFirstResponseSeconds)} />
          <Tile label={t('chatStats.boardBreaches')} value={breaches(board.chatsToday)} testId="chat-breaches-today" />
        </div>
      )}
      {board && (
        <ul className="state-counts" aria-label={t('wallboard.operators')}>
          {LIVE_STATES.map((s) => (
            <li key={s}>
              <Badge tone={s}>{t(`liveState.${s}`)}</Badge> <strong data-testid={`state-${s}`}>{board.operatorsByState[s] ?? 0}</strong>
            </li>
          ))}
        </ul>
      )}
      <SimpleTable
        caption={t('wallboard.operators')}
        rows={state.roster}
        rowKey={(r) => r.operatorId}
        columns={[
          { key: 'name', header: t('stats.name'), render: (r) => r.name },
          { key: 'sip', header: 'SIP', render: (r) => r.sipAddress ?? '—' },
          { key: 'city', header: t('call.city'), render: (r) => r.city ?? '—' },
          { key: 'state', header: t('wallboard.state'), render: (r) => <Badge tone={r.liveState}>{t(`liveState.${r.liveState}`)}</Badge> },
          { key: 'since', header: t('wallboard.since'), render: (r) => formatDateTime(r.since) },
        ]}
      />
    </div>
  );
}
