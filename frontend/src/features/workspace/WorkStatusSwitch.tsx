import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { useNotify } from '../../shared/ui/Notices';

interface Me {
  statusWork: string;
  sipAddress: string | null;
}

const STATUSES = ['working', 'break', 'offline'] as const;

/** The operator's own work status (`PUT /api/operators/me/status`): it pauses them in the queues. */
export function WorkStatusSwitch() {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/api/operators/me') });
  const change = useMutation({
    mutationFn: (statusWork: string) => api<Me>('/api/operators/me/status', { method: 'PUT', body: { statusWork } }),
    onSuccess: async (updated) => {
      // a first read still under way would otherwise land after this and show the old status
      await queryClient.cancelQueries({ queryKey: ['me'] });
      queryClient.setQueryData(['me'], updated);
      notify(t('work.changed', { status: t(`work.${updated.statusWork}`) }));
    },
    onError: (error) => notify(String((error as Error).message), 'error'),
  });
  const current = me.data?.statusWork;
  return (
    <div className="work-switch" role="group" aria-label={t('work.label')}>
      {STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          className={`work-${status}${current === status ? ' active' : ''}`}
          aria-pressed={current === status}
          disabled={change.isPending}
          onClick={() => change.mutate(status)}
        >
          {t(`work.${status}`)}
        </button>
      ))}
    </div>
  );
}
