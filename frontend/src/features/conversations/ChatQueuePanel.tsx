import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, apiPage, ApiError } from '../../shared/api/client';
import { useLiveSocket } from '../../shared/api/liveSocket';
import { chime } from '../../shared/lib/chime';
import { formatDateTime, formatPhone } from '../../shared/lib/format';
import { useNotify } from '../../shared/ui/Notices';
import { applyChatPush, unowned, type ChatPush } from './chatQueue';
import type { Conversation } from './conversation';
import { SlaDeadline } from './SlaDeadline';

/**
 * The chats waiting for an operator, beside the calls in the workspace: read once the socket is
 * live, then kept from what /ws/operator pushes (no reloads, no timer). The badge counts the chats
 * nobody has taken; a chat joining the queue chimes. "Take" makes the operator its owner; when
 * someone else was quicker, the server's answer (who has it) is shown.
 */
export function ChatQueuePanel() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [queue, setQueue] = useState<Conversation[] | null>(null);
  const current = useRef<Conversation[]>([]);
  const show = (next: Conversation[]) => {
    current.current = next;
    setQueue(next);
  };
  useLiveSocket('/ws/operator', (message) => {
    if (message?.type === 'connected') {
      void apiPage<Conversation>('/api/conversations', { query: { status: 'queued', limit: 100 } }).then((page) => show(page.data), () => undefined);
    } else if (message?.type === 'chat') {
      const { queue: next, arrived } = applyChatPush(current.current, message as ChatPush);
      show(next);
      if (arrived) chime();
    }
  });
  const take = (chat: Conversation) =>
    api<Conversation>(`/api/conversations/${chat.id}/take`, { method: 'POST' }).then(
      (taken) => show(applyChatPush(current.current, { type: 'chat', event: 'assigned', conversation: taken }).queue),
      (error) => notify(error instanceof ApiError ? error.message : String(error), 'error'),
    );
  const waiting = queue ? unowned(queue) : 0;
  return (
    <section className="card chat-queue" aria-label={t('chatQueue.title')} data-testid="chat-queue">
      <h2>
        {t('chatQueue.title')}{' '}
        <span className={`badge ${waiting > 0 ? 'badge-queued' : ''}`} data-testid="chat-queue-count" aria-label={t('chatQueue.waiting', { count: waiting })}>
          {queue ? waiting : '…'}
        </span>
      </h2>
      {queue?.length === 0 && <p className="muted">{t('chatQueue.empty')}</p>}
      <ul className="plain">
        {queue?.map((chat) => (
          <li key={chat.id} data-testid="queued-chat" data-id={chat.id} data-owner={chat.assigneeId ?? ''}>
            <Link to={`/conversations/${chat.id}`}>{chat.adTitle ?? (chat.clientPhone ? formatPhone(chat.clientPhone) : t('chat.detail', { id: chat.id }))}</Link>
            <div className="muted">{t('chatQueue.since', { at: formatDateTime(chat.queuedAt) })}</div>
            <SlaDeadline sla={chat.sla} />
            {chat.assigneeId == null
              ? <button type="button" onClick={() => void take(chat)}>{t('chat.take')}</button>
              : <span className="badge badge-assigned" data-testid="chat-owner">{t('chatQueue.takenBy', { name: chat.assignee })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
