import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { useLiveSocket } from '../../shared/api/liveSocket';
import { applyLiveMessage, dismissPop, type ScreenPop } from './screenPops';
import { ScreenPopCard } from './ScreenPopCard';
import { chime } from '../../shared/lib/chime';
import { notifySystem, TaskReminderCards } from './TaskReminderCards';
import { addReminders, type DueTask } from './taskReminders';
import { WorkStatusSwitch } from './WorkStatusSwitch';

/** The operator's screen: work status, the caller's card the moment the phone rings, and `aside` (the call-back list). */
export function WorkspacePage({ aside }: { aside?: ReactNode }) {
  const { t } = useTranslation();
  const [pops, setPops] = useState<ScreenPop[]>([]);
  const [reminders, setReminders] = useState<DueTask[]>([]);
  const remind = (tasks: DueTask[], via: DueTask['via']) => {
    if (tasks.length === 0) return;
    setReminders((shown) => addReminders(shown, tasks.map((task) => ({ ...task, via }))));
    chime();
    tasks.forEach((task) => notifySystem(task, t('task.reminder')));
  };
  const socket = useLiveSocket('/ws/operator', (message) => {
    if (message?.type === 'task-reminder') remind([message.task as DueTask], 'push');
    // reminders that fired while this browser was away come once the socket is live again
    else if (message?.type === 'connected') void api<DueTask[]>('/api/tasks/reminders').then((tasks) => remind(tasks, 'connect'), () => undefined);
    else setPops((current) => applyLiveMessage(current, message));
  });
  const seen = (task: DueTask) => {
    setReminders((shown) => shown.filter((r) => r.id !== task.id));
    void api(`/api/tasks/${task.id}/seen`, { method: 'POST' }).catch(() => undefined);
  };
  return (
    <div className="workspace">
      <div className="toolbar">
        <h1>{t('nav.workspace')}</h1>
        <WorkStatusSwitch />
        <span className={`live live-${socket}`} role="status" data-testid="socket-state" data-state={socket}>
          {t(`live.${socket}`)}
        </span>
      </div>
      <div className="workspace-grid">
        <section aria-label={t('pop.title')} aria-live="assertive" className="pops">
          <TaskReminderCards reminders={reminders} onSeen={seen} />
          {pops.length === 0 && <p className="card muted">{t('pop.waiting')}</p>}
          {pops.map((pop) => (
            <ScreenPopCard key={pop.call.id} pop={pop} onDismiss={() => setPops((p) => dismissPop(p, pop.call.id))} />
          ))}
        </section>
        {aside && <aside>{aside}</aside>}
      </div>
    </div>
  );
}
