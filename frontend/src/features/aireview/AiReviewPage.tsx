import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, apiPage, ApiError } from '../../shared/api/client';
import { formatDateTime, formatPercent } from '../../shared/lib/format';
import { Badge } from '../../shared/ui/Badge';
import { useNotify } from '../../shared/ui/Notices';
import { QueryState } from '../../shared/ui/QueryState';
import { SimpleTable } from '../../shared/ui/SimpleTable';
import type { KbEntry } from '../../shared/api/types';
import { entriesFor, weakestFirst, type DraftFieldEdits, type HandoffGroup, type HandoffQuestion } from './aiReview';

const GROUPS = ['ai-handoff-groups'];

/**
 * The supervisors' improvement loop: the questions the AI handed to people, grouped by what they
 * ask, each added to an entry in one click; and how often operators edit each field of generated
 * order drafts, the weakest first.
 */
export function AiReviewPage() {
  const { t } = useTranslation();
  const groups = useQuery({ queryKey: GROUPS, queryFn: () => api<HandoffGroup[]>('/api/ai/handoffs/groups') });
  const entries = useQuery({
    queryKey: ['/api/knowledge/entries', 'all'],
    queryFn: () => apiPage<KbEntry>('/api/knowledge/entries', { query: { limit: 100 } }).then((page) => page.data),
  });
  const edits = useQuery({ queryKey: ['draft-edits'], queryFn: () => api<DraftFieldEdits[]>('/api/ai/order-draft/edits') });
  return (
    <div className="stack">
      <h1>{t('aiReview.title')}</h1>
      <section className="card" aria-labelledby="handoffs-title">
        <h2 id="handoffs-title">{t('aiReview.handoffs')}</h2>
        <p className="muted">{t('aiReview.handoffsHint')}</p>
        {groups.data ? (
          groups.data.length === 0 ? <p className="muted">{t('aiReview.noHandoffs')}</p> : (
            <ol className="handoff-groups">
              {groups.data.map((g) => <GroupCard key={g.questions[0].answerId} group={g} entries={entries.data ?? []} />)}
            </ol>
          )
        ) : <QueryState isLoading={groups.isLoading} error={groups.error} onRetry={() => groups.refetch()} />}
      </section>
      <section className="card" aria-labelledby="draft-edits-title">
        <h2 id="draft-edits-title">{t('aiReview.draftEdits')}</h2>
        <p className="muted">{t('aiReview.draftEditsHint')}</p>
        {edits.data ? (
          <SimpleTable<DraftFieldEdits>
            caption={t('aiReview.draftEdits')}
            rows={weakestFirst(edits.data)}
            rowKey={(e) => e.field}
            columns={[
              { key: 'field', header: t('aiReview.field'), render: (e) => t(`aiReview.fields.${e.field}`, { defaultValue: e.field }) },
              { key: 'accepted', header: t('aiReview.accepted'), render: (e) => e.accepted, numeric: true },
              { key: 'kept', header: t('aiReview.kept'), render: (e) => e.kept, numeric: true },
              { key: 'changed', header: t('aiReview.changed'), render: (e) => e.changed, numeric: true },
              { key: 'filled', header: t('aiReview.filled'), render: (e) => e.filled, numeric: true },
              { key: 'empty', header: t('aiReview.empty'), render: (e) => e.empty, numeric: true },
              { key: 'editedShare', header: t('aiReview.editedShare'), render: (e) => formatPercent(e.editedShare * 100), numeric: true },
            ]}
          />
        ) : <QueryState isLoading={edits.isLoading} error={edits.error} onRetry={() => edits.refetch()} />}
      </section>
    </div>
  );
}

/** One group: how many, why they were handed off, and each sample question with its one-click "add to entry". */
function GroupCard({ group, entries }: { group: HandoffGroup; entries: KbEntry[] }) {
  const { t } = useTranslation();
  const c = group.candidate;
  return (
    <li className="handoff-group" data-testid="handoff-group">
      <p>
        <strong>{t('aiReview.questions', { count: group.count })}</strong>{' '}
        {Object.entries(group.reasons).map(([reason, n]) => <Badge key={reason} tone="handoff">{reason} × {n}</Badge>)}
        {' '}{c ? t('aiReview.closest', { title: c.title, confidence: Math.round(c.confidence * 100) }) : t('aiReview.noCandidate')}
      </p>
      <ul>
        {group.questions.map((q) => <QuestionRow key={q.answerId} question={q} defaultEntry={c?.entryId ?? null} entries={entries} />)}
      </ul>
    </li>
  );
}

function QuestionRow({ question: q, defaultEntry, entries }: { question: HandoffQuestion; defaultEntry: number | null; entries: KbEntry[] }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const options = entriesFor(entries, q.city);
  // the closest entry is chosen until the supervisor picks another (the entries may load after the groups)
  const [chosen, setEntryId] = useState<string | null>(null);
  const entryId = chosen ?? (defaultEntry !== null && options.some((e) => e.id === defaultEntry) ? String(defaultEntry) : '');
  const add = useMutation({
    mutationFn: () => api<{ entry: KbEntry }>(`/api/ai/handoffs/${q.answerId}/variant`, { method: 'POST', body: { entryId: Number(entryId) } }),
    onSuccess: (added) => {
      notify(t('aiReview.added', { title: added.entry.title }));
      void queryClient.invalidateQueries({ queryKey: GROUPS });
      void queryClient.invalidateQueries({ queryKey: ['/api/knowledge/entries'] });
    },
    onError: (error) => notify(error instanceof ApiError ? error.message : String(error), 'error'),
  });
  return (
    <li data-testid="handoff-question">
      <q>{q.question}</q>{' '}
      <small className="muted">
        {q.city ?? t('kb.anyCity')} · {formatDateTime(q.createdAt)}
        {q.conversationId !== null && <> · <Link to={`/conversations/${q.conversationId}`}>{t('aiReview.chat', { id: q.conversationId })}</Link></>}
      </small>
      <form className="inline-form" aria-label={t('aiReview.addAsVariant')} onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
        <label>
          <span className="visually-hidden">{t('aiReview.entry')}</span>
          <select value={entryId} onChange={(e) => setEntryId(e.target.value)}>
            <option value="">{t('aiReview.chooseEntry')}</option>
            {options.map((e) => <option key={e.id} value={e.id}>{e.title}{e.city ? ` (${e.city})` : ''}</option>)}
          </select>
        </label>
        <button type="submit" disabled={!entryId || add.isPending}>{t('aiReview.addAsVariant')}</button>
      </form>
    </li>
  );
}
