import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../shared/api/client';
import { useCityOptions } from '../../shared/api/directories';
import { Badge } from '../../shared/ui/Badge';
import { useNotify } from '../../shared/ui/Notices';
import { AdminCrud, changedOnly } from './AdminCrud';

interface Operator { id: number; login: string; name: string | null; role: string; city: string | null; sipAddress: string | null; status: string; statusWork: string }

const ROLES = ['operator', 'supervisor', 'admin'];

export function OperatorsPage() {
  const { t } = useTranslation();
  const cities = useCityOptions();
  const notify = useNotify();
  const formOf = (o: Operator) => ({ login: o.login, password: '', name: o.name ?? '', role: o.role, city: o.city ?? '', sipAddress: o.sipAddress ?? '', status: o.status });
  return (
    <AdminCrud<Operator>
      title={t('admin.operators')}
      path="/api/operators"
      blank={{ login: '', password: '', name: '', role: 'operator', city: '', sipAddress: '', status: 'active' }}
      toForm={formOf}
      toBody={(form, editing) => changedOnly(form, editing && formOf(editing))}
      rowName={(o) => o.login}
      columns={[
        { key: 'login', header: t('operator.login'), render: (o) => o.login },
        { key: 'name', header: t('operator.name'), render: (o) => o.name ?? '—' },
        { key: 'role', header: t('operator.role'), render: (o) => t(`roles.${o.role}`) },
        { key: 'city', header: t('operator.city'), render: (o) => o.city ?? '—' },
        { key: 'sip', header: t('operator.sipAddress'), render: (o) => o.sipAddress ?? '—' },
        { key: 'status', header: t('operator.status'), render: (o) => <Badge tone={o.status}>{t(`operatorStatus.${o.status}`)}</Badge> },
        { key: 'work', header: t('operator.statusWork'), render: (o) => t(`work.${o.statusWork}`) },
      ]}
      rowActions={(o, refresh) => (
        <button type="button" onClick={() => api(`/api/operators/${o.id}`, { method: 'PATCH', body: { status: o.status === 'inactive' ? 'active' : 'inactive' } }).then(refresh, (error) => notify(error instanceof ApiError ? error.message : String(error), 'error'))}>
          {o.status === 'inactive' ? t('operator.unblock') : t('operator.block')}
        </button>
      )}
      fields={(editing) => [
        { name: 'login', label: t('operator.login') },
        { name: 'password', label: editing ? t('operator.passwordKeep') : t('operator.password'), type: 'password' },
        { name: 'name', label: t('operator.name') },
        { name: 'role', label: t('operator.role'), type: 'select', options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })) },
        { name: 'city', label: t('operator.city'), type: 'select', options: cities, emptyLabel: '—' },
        { name: 'sipAddress', label: t('operator.sipAddress') },
        { name: 'status', label: t('operator.status'), type: 'select', options: ['active', 'inactive', 'on_leave'].map((s) => ({ value: s, label: t(`operatorStatus.${s}`) })) },
      ]}
    />
  );
}
