import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { newCallBackLink } from '../../shared/lib/taskLink';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../shared/api/client';
import { useLiveSocket } from '../../shared/api/liveSocket';
import { formatDateTime } from '../../shared/lib/format';
import { Badge } from '../../shared/ui/Badge';
import { Field } from '../../shared/ui/Field';
import { formErrorsOf, NO_ERRORS } from '../../shared/ui/formErrors';
import { FormMessage } from '../../shared/ui/FormMessage';
import { useNotify } from '../../shared/ui/Notices';
import { PhoneLink } from '../../shared/ui/PhoneLink';
import { QueryState } from '../../shared/ui/QueryState';
import { ChatImage } from './ChatImage';
import { SlaDeadline } from './SlaDeadline';
import { AnswerRating } from './AnswerRating';
import { ReplyAssist } from './ReplyAssist';
import { deliveryOf, threadOf, type AiAnswer, type Conversation, type ConversationDetail, type Message } from './conversation';

/** One chat: its messages with who wrote them and how delivery went, the reply box, close, and an order from the lead. */
export function ConversationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['conversation', id] });
  const detail = useQuery({
    queryKey: ['conversation', id],
    queryFn: () => api<ConversationDetail>(`/api/conversations/${id}`),
  });
  // a client's new message, an owner or a reply is pushed: the chat reloads then, not on a timer
  useLiveSocket('/ws/operator', (message) => {
    if (message?.type === 'chat' && message.conversation?.id === Number(id)) refresh();
  });
  const answers = useQuery({
    queryKey: ['ai-answers', Number(id)],
    queryFn: () => api<AiAnswer[]>('/api/ai/answers', { query: { conversationId: id } }),
  });
  const [text, setText] = useState('');
  // the AI suggestion the reply box was filled from: the reply sent is recorded against it (accepted or edited)
  const [suggestionId, setSuggestionId] = useState<number | null>(null);
  const [errors, setErrors] = useState(NO_ERRORS);
  const reply = useMutation({
    mutationFn: () => api<Message>(`/api/conversations/${id}/messages`, { method: 'POST', body: { text } }),
    onSuccess: (sent) => {
      if (suggestionId !== null) {
        api(`/api/ai/answers/${suggestionId}/use`, { method: 'POST', body: { messageId: sent.id } }).catch(failed);
        setSuggestionId(null);
      }
      setText('');
      setErrors(NO_ERRORS);
      refresh();
    },
    onError: (error) => setErrors(formErrorsOf(error, ['text'], t('errors.network'))),
  });
  const failed = (error: unknown) => notify(error instanceof ApiError ? error.message : String(error), 'error');
  const take = useMutation({
    mutationFn: () => api<Conversation>(`/api/conversations/${id}/take`, { method: 'POST' }),
    onSuccess: refresh,
    onError: (error) => {
      failed(error);
      refresh();
    },
  });
  const close = useMutation({
    mutationFn: () => api<Conversation>(`/api/conversations/${id}/close`, { method: 'POST' }),
    onSuccess: refresh,
    onError: failed,
  });
  const order = useMutation({
    mutationFn: () => api<{ id: number }>(`/api/conversations/${id}/order`, { method: 'POST' }),
    onSuccess: (created) => {
      notify(t('order.created', { id: created.id }));
      refresh();
    },
    onError: failed,
  });
  if (!detail.data) return <QueryState isLoading={detail.isLoading} error={detail.error} onRetry={() => detail.refetch()} />;
  const c = detail.data.conversation;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reply.mutate();
  };
  return (
    <div className="detail">
      <div className="toolbar">
        <h1>{t('chat.detail', { id: c.id })}</h1>
        <Badge tone={c.status}>{t(`chatStatus.${c.status}`)}</Badge>
        <SlaDeadline sla={c.sla} />
        {c.status !== 'closed' && c.assigneeId === null && (
          <button type="button" className="primary" onClick={() => take.mutate()} disabled={take.isPending}>{t('chat.take')}</button>
        )}
        {c.status !== 'closed' && <button type="button" onClick={() => close.mutate()} disabled={close.isPending}>{t('chat.close')}</button>}
        <Link className="button" to={newCallBackLink({ clientId: c.clientId, phone: c.clientPhone, conversationId: c.id })}>{t('task.scheduleCallBack')}</Link>
        {c.orderId ? (
          <Link to={`/orders/${c.orderId}`}>{t('call.order')} №{c.orderId}</Link>
        ) : (
          <button type="button" className="primary" onClick={() => order.mutate()} disabled={order.isPending}>{t('chat.createOrder')}</button>
        )}
      </div>
      <div className="detail-grid">
        <dl className="card facts">
          <dt>{t('chat.channel')}</dt><dd>{c.channel}</dd>
          <dt>{t('chat.ad')}</dt><dd>{c.adTitle ?? c.itemId ?? '—'}</dd>
          <dt>{t('chat.phone')}</dt><dd>{c.clientPhone ? <PhoneLink phone={c.clientPhone} /> : '—'}</dd>
          <dt>{t('chat.city')}</dt><dd>{c.city ?? '—'}</dd>
          <dt>{t('call.rk')}</dt><dd>{c.rk ?? '—'}</dd>
          <dt>{t('chat.queueReason')}</dt><dd>{c.queueReason ?? '—'}</dd>
          <dt>{t('chat.queuedAt')}</dt><dd>{formatDateTime(c.queuedAt)}</dd>
          <dt>{t('chat.assignee')}</dt><dd data-testid="assignee">{c.assignee ?? '—'}</dd>
        </dl>
        <section className="card" aria-labelledby="messages-title">
          <h2 id="messages-title">{t('chat.messages')}</h2>
          <ol className="messages" data-testid="messages">
            {threadOf(detail.data.messages, answers.data ?? []).map(({ message: m, answer }) => {
              const delivery = deliveryOf(m);
              return (
                <li key={m.id} className={`message message-${m.sender}`} data-delivery={delivery}>
                  <div className="message-head">
                    <strong>{t(`sender.${m.sender}`)}</strong> <time>{formatDateTime(m.createdAt)}</time>{' '}
                    {m.sender !== 'client' && <Badge tone={delivery}>{t(`delivery.${delivery}`)}</Badge>}
                  </div>
                  {m.image ? <ChatImage conversationId={c.id} messageId={m.id} /> : <p className="message-text">{m.text}</p>}
                  {m.deliveryStatus === 'failed' && (
                    <p className="field-error" role="note">
                      {m.lastError} {m.nextAttemptAt ? t('delivery.nextAttempt', { time: formatDateTime(m.nextAttemptAt), count: m.attempts }) : t('delivery.attempts', { count: m.attempts })}
                    </p>
                  )}
                  {answer && <AnswerRating answer={answer} conversationId={c.id} />}
                </li>
              );
            })}
          </ol>
          {c.status !== 'closed' && (
            <form onSubmit={submit}>
              <Field label={t('chat.reply')} error={errors.fields.text}>
                {(a11y) => <textarea {...a11y} name="text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
              </Field>
              <ReplyAssist conversationId={c.id} text={text}
                lastClientMessageId={[...detail.data.messages].reverse().find((m) => m.sender === 'client')?.id ?? null}
                onInsert={(value, suggestion) => { setText(value); setSuggestionId(suggestion); }} />
              <FormMessage message={errors.message} />
              <button type="submit" className="primary" disabled={reply.isPending}>{t('chat.send')}</button>
            </form>
          )}
        </section>
      </div>
    </div>
  );
}
