import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../shared/lib/format';
import { AdminCrud, changedOnly } from './AdminCrud';

interface Master { id: number; name: string; phone: string | null; cities: string[]; status: string; note: string | null }

export function MastersPage() {
  const { t } = useTranslation();
  const formOf = (m: Master) => ({ name: m.name, phone: m.phone ?? '', cities: m.cities.join(', '), status: m.status, note: m.note ?? '' });
  return (
    <AdminCrud<Master>
      title={t('admin.masters')}
      path="/api/masters"
      blank={{ name: '', phone: '', cities: '', status: 'active', note: '' }}
      toForm={formOf}
      toBody={(form, editing) => {
        const body = changedOnly(form, editing && formOf(editing));
        if (typeof body.cities === 'string') body.cities = body.cities.split(',').map((c: string) => c.trim()).filter(Boolean);
        return body;
      }}
      rowName={(m) => m.name}
      columns={[
        { key: 'name', header: t('master.name'), render: (m) => m.name },
        { key: 'phone', header: t('master.phone'), render: (m) => formatPhone(m.phone) },
        { key: 'cities', header: t('master.cities'), render: (m) => m.cities.join(', ') },
        { key: 'status', header: t('master.status'), render: (m) => t(`masterStatus.${m.status}`) },
        { key: 'note', header: t('master.note'), render: (m) => m.note ?? '' },
      ]}
      fields={() => [
        { name: 'name', label: t('master.name') },
        { name: 'phone', label: t('master.phone'), type: 'tel' },
        { name: 'cities', label: t('master.cities') },
        { name: 'status', label: t('master.status'), type: 'select', options: ['active', 'inactive'].map((s) => ({ value: s, label: t(`masterStatus.${s}`) })) },
        { name: 'note', label: t('master.note') },
      ]}
    />
  );
}
