import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/lib/format';
import { slaView } from './chatQueue';
import type { ChatSla } from './conversation';

/**
 * The deadline a chat works towards, red once it has passed. The browser's own clock turns it red
 * at the deadline (a one-second tick re-renders it; nothing is fetched); the server marks the
 * breach too and pushes it, which is what the counts use.
 */
export function SlaDeadline({ sla }: { sla: ChatSla | undefined }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const view = slaView(sla, now);
  const ticking = view != null && !view.breached;
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  if (!view) return null;
  return (
    <span className={`sla ${view.breached ? 'sla-breached' : ''}`} data-testid="sla" data-breached={view.breached} data-clock={view.clock}>
      {t(`chatSla.${view.clock}`, { at: formatDateTime(view.due) })}
      {view.breached && <> · <strong>{t('chatSla.overdue')}</strong></>}
    </span>
  );
}
