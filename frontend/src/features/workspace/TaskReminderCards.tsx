import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shared/lib/format';
import { PhoneLink } from '../../shared/ui/PhoneLink';
import type { DueTask } from './taskReminders';

/** The tasks that came due, above the pops, until the operator says they saw them. */
export function TaskReminderCards({ reminders, onSeen }: { reminders: DueTask[]; onSeen: (task: DueTask) => void }) {
  const { t } = useTranslation();
  const permission = typeof Notification === 'undefined' ? 'denied' : Notification.permission;
  return (
    <>
      {permission === 'default' && (
        <p className="muted">
          <button type="button" className="link" onClick={() => void Notification.requestPermission()}>{t('task.allowNotifications')}</button>
        </p>
      )}
      {reminders.map((task) => (
        <article key={task.id} className="card reminder" data-testid="task-reminder" data-via={task.via} role="alert">
          <strong>{t('task.reminder')}: {task.title}</strong>
          <div className="muted">{formatDateTime(task.dueAt)}{task.note ? ` · ${task.note}` : ''}</div>
          <div className="pop-actions">
            {task.phone && <PhoneLink phone={task.phone} />}
            {task.clientId && <Link className="button" to={`/clients/${task.clientId}`}>{task.clientName ?? t('client.open')}</Link>}
            <Link className="button" to="/tasks">{t('nav.tasks')}</Link>
            <button type="button" onClick={() => onSeen(task)}>{t('task.seen')}</button>
          </div>
        </article>
      ))}
    </>
  );
}

/** The system notification, when the operator allowed them; clicking it brings the workspace forward. */
export function notifySystem(task: DueTask, title: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(`${title}: ${task.title}`, { body: task.note ?? task.phone ?? '', tag: `task-${task.id}` });
  notification.onclick = () => window.focus();
}
