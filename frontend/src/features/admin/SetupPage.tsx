import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api/client';
import { setupChecklistQuery } from '../../shared/api/setup';
import { FormMessage } from '../../shared/ui/FormMessage';
import { QueryState } from '../../shared/ui/QueryState';

/**
 * The first run: cities → campaigns → operators → telephony → a test call, each step a link to the
 * screen that does it and ticked by the server from what is stored, so it cannot drift from the data.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const checklist = useQuery({ ...setupChecklistQuery, refetchInterval: 10_000 });
  const steps = checklist.data?.steps ?? [];
  const queryClient = useQueryClient();
  const removeDemo = useMutation({
    mutationFn: () => api<{ calls: number }>('/api/demo', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return (
    <section>
      <h1>{t('setup.title')}</h1>
      <p className="muted">{t(checklist.data?.complete ? 'setup.complete' : 'setup.intro')}</p>
      <QueryState isLoading={checklist.isLoading} error={checklist.error} />
      <ol className="setup-steps">
        {steps.map((s) => (
          <li key={s.step} data-step={s.step} data-done={s.done}>
            <span aria-hidden="true">{s.done ? '✔' : '○'}</span>{' '}
            <Link to={s.screen}>{t(`setup.steps.${s.step}`)}</Link>
            {' — '}
            <span className={s.done ? '' : 'muted'}>{t(s.done ? 'setup.done' : `setup.hints.${s.step}`)}</span>
          </li>
        ))}
      </ol>
      {checklist.data?.demo && <p role="note">{t('setup.demo')}</p>}
      {checklist.data?.demoData && (
        <p>
          <button type="button" disabled={removeDemo.isPending}
            onClick={() => window.confirm(t('setup.removeDemoConfirm')) && removeDemo.mutate()}>{t('setup.removeDemo')}</button>
        </p>
      )}
      {removeDemo.isSuccess && <p role="status">{t('setup.demoRemoved', { calls: removeDemo.data.calls })}</p>}
      <FormMessage message={removeDemo.error?.message} />
      {checklist.data?.complete && <p><Link to="/wallboard">{t('setup.toWallboard')}</Link></p>}
    </section>
  );
}
