import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveSocket } from '../../shared/api/liveSocket';
import { applyLiveMessage, dismissPop, type ScreenPop } from './screenPops';
import { ScreenPopCard } from './ScreenPopCard';
import { WorkStatusSwitch } from './WorkStatusSwitch';

/** The operator's screen: work status, the caller's card the moment the phone rings, and `aside` (the call-back list). */
export function WorkspacePage({ aside }: { aside?: ReactNode }) {
  const { t } = useTranslation();
  const [pops, setPops] = useState<ScreenPop[]>([]);
  const socket = useLiveSocket('/ws/operator', (message) => setPops((current) => applyLiveMessage(current, message)));
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
