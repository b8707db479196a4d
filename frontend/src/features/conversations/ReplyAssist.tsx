import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { useDebounced } from '../../shared/lib/useDebounced';
import { Badge } from '../../shared/ui/Badge';
import type { AiAnswer } from './conversation';

interface QuickReply { source: 'template' | 'knowledge'; id: number; title: string; text: string }

/** What "/…" typed in the reply box searches for; null when the text is a reply, not a search. */
export function slashSearch(text: string): string | null {
  return text.startsWith('/') ? text.slice(1).trim() : null;
}

/**
 * Help beside the chat reply box: typing "/" lists templates and knowledge-base answers to insert;
 * the AI's best answer to the client's last message is offered with its confidence and sources.
 * `onInsert` puts a text into the box, with the suggestion's id when it came from the AI.
 */
export function ReplyAssist({ conversationId, text, lastClientMessageId, onInsert }: {
  conversationId: number; text: string; lastClientMessageId: number | null;
  onInsert: (text: string, suggestionId: number | null) => void;
}) {
  const { t } = useTranslation();
  const search = useDebounced(slashSearch(text), 250);
  const quick = useQuery({
    queryKey: ['quick-replies', conversationId, search],
    queryFn: () => api<QuickReply[]>('/api/ai/quick-replies', { query: { conversationId, q: search } }),
    enabled: search !== null,
  });
  const suggestion = useQuery({
    queryKey: ['ai-suggestion', conversationId, lastClientMessageId],
    queryFn: () => api<AiAnswer>('/api/ai/suggestions', { method: 'POST', body: { conversationId } }),
    enabled: lastClientMessageId !== null,
    staleTime: Infinity,
    retry: false,
  });
  const s = suggestion.data;
  return (
    <div className="reply-assist">
      {search !== null && (
        <ul className="quick-replies" aria-label={t('replies.quick')} data-testid="quick-replies">
          {(quick.data ?? []).map((r) => (
            <li key={`${r.source}-${r.id}`}>
              <button type="button" className="link" onClick={() => onInsert(r.text, null)}>
                {r.title}
              </button>{' '}
              <small className="muted">{t(`replies.source.${r.source}`)} · {r.text}</small>
            </li>
          ))}
          {quick.data?.length === 0 && <li className="muted">{t('app.empty')}</li>}
        </ul>
      )}
      {s?.answer && (
        <section className="ai-suggestion" aria-label={t('replies.suggestion')} data-testid="ai-suggestion">
          <p>
            <strong>{t('replies.suggestion')}</strong>{' '}
            <span data-testid="suggestion-confidence">{t('ai.confidence', { value: Math.round(s.confidence * 100) })}</span>
            {s.sources.length > 0 && <> · {t('ai.sources')}: <span data-testid="suggestion-sources">{s.sources.map((src) => src.title).join(', ')}</span></>}
            {s.handoff && <> {' '}<Badge tone="handoff">{t('replies.wouldHandOff', { reason: s.reason })}</Badge></>}
          </p>
          <blockquote>{s.answer}</blockquote>
          <button type="button" onClick={() => onInsert(s.answer ?? '', s.id)}>{t('replies.insert')}</button>
        </section>
      )}
    </div>
  );
}
