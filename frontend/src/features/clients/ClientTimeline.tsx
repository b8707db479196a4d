import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api/client';
import { formatDateTime, formatDuration } from '../../shared/lib/format';
import { Badge } from '../../shared/ui/Badge';
import { QueryState } from '../../shared/ui/QueryState';
import { entryLink, type TimelineEntry, type TimelinePage } from './clients';

const PAGE = 30;

/** Calls, chats, orders, call-backs and notes, newest first, one cursor page after another. */
export function ClientTimeline({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const timeline = useInfiniteQuery({
    queryKey: ['client-timeline', clientId],
    queryFn: ({ pageParam }) => api<TimelinePage>(`/api/clients/${clientId}/timeline`, { query: { limit: PAGE, before: pageParam } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const entries = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('client.timeline')}</h2>
      <QueryState isLoading={timeline.isLoading} error={timeline.error} onRetry={() => timeline.refetch()} />
      {!timeline.isLoading && entries.length === 0 && <p className="muted">{t('app.empty')}</p>}
      <ol className="timeline" data-testid="timeline">
        {entries.map((e) => <Entry key={`${e.kind}-${e.id}`} entry={e} />)}
      </ol>
      {timeline.hasNextPage && (
        <button type="button" disabled={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
          {t('client.more')}
        </button>
      )}
    </section>
  );
}

function Entry({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const link = entryLink(entry);
  const label = t(`timelineKind.${entry.kind}`);
  return (
    <li className={`timeline-${entry.kind}`} data-kind={entry.kind}>
      <span className="muted">{formatDateTime(entry.at)}</span>{' '}
      {link ? <Link to={link}>{label} №{entry.id}</Link> : <strong>{label}</strong>}{' '}
      {entry.status && <Badge tone={entry.status}>{statusText(t, entry)}</Badge>}{' '}
      {entry.kind === 'call' && entry.title && <>{t(`direction.${entry.title}`)} · {formatDuration(entry.seconds)} </>}
      {entry.kind !== 'call' && entry.title && <>{entry.title} · </>}
      {entry.text && <span className="timeline-text">{entry.text}</span>}{' '}
      {entry.mood && <Badge tone={`mood-${entry.mood}`}>{t('draft.sentiment')}: {t(`sentiment.${entry.mood}`)}</Badge>}{' '}
      {entry.kind === 'chat' && entry.count !== null && <span className="muted">({t('client.messages', { count: entry.count })})</span>}
      {entry.kind === 'task' && entry.count !== null && <span className="muted">({t('client.missedCalls', { count: entry.count })})</span>}
      {entry.recording && <> · <Link to={`/calls/${entry.id}`}>{t('client.recording')}</Link></>}
      {entry.transcript && <> · <Link to={`/calls/${entry.id}`}>{t('client.transcript')}</Link></>}
      {entry.author && <span className="muted"> — {entry.author}</span>}
    </li>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function statusText(t: Translate, entry: TimelineEntry): string {
  const key = { call: 'callStatus', order: 'orderStatus', chat: 'chatStatus', task: 'taskStatus', note: '' }[entry.kind];
  return t(`${key}.${entry.status}`, { defaultValue: entry.status ?? '' });
}
