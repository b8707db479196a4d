import { useTranslation } from 'react-i18next';
import { useCityOptions } from '../../shared/api/directories';
import { formatPhone } from '../../shared/lib/format';
import { AdminCrud, changedOnly } from './AdminCrud';

interface Campaign { id: number; rk: string; city: string; phoneAts: string; source: string | null }

export function CampaignsPage() {
  const { t } = useTranslation();
  const cities = useCityOptions();
  const formOf = (c: Campaign) => ({ rk: c.rk, city: c.city, phoneAts: c.phoneAts, source: c.source ?? '' });
  return (
    <AdminCrud<Campaign>
      title={t('admin.campaigns')}
      path="/api/campaigns"
      blank={{ rk: '', city: '', phoneAts: '', source: '' }}
      toForm={formOf}
      toBody={(form, editing) => changedOnly(form, editing && formOf(editing))}
      rowName={(c) => c.rk}
      columns={[
        { key: 'rk', header: t('campaign.rk'), render: (c) => c.rk },
        { key: 'city', header: t('campaign.city'), render: (c) => c.city },
        { key: 'phone', header: t('campaign.phoneAts'), render: (c) => formatPhone(c.phoneAts) },
        { key: 'source', header: t('campaign.source'), render: (c) => c.source ?? '—' },
      ]}
      fields={() => [
        { name: 'rk', label: t('campaign.rk') },
        { name: 'city', label: t('campaign.city'), type: 'select', options: cities, emptyLabel: '—' },
        { name: 'phoneAts', label: t('campaign.phoneAts'), type: 'tel' },
        { name: 'source', label: t('campaign.source') },
      ]}
    />
  );
}
