import { useTranslation } from 'react-i18next';
import { AdminCrud, changedOnly } from './AdminCrud';
import { WorkingHoursEditor } from './WorkingHoursEditor';
import { DEFAULT_WEEK, summary, type WorkingHours } from './workingHours';

interface City { id: number; name: string; timezone: string; workingHours: WorkingHours }

export function CitiesPage() {
  const { t } = useTranslation();
  return (
    <AdminCrud<City>
      title={t('admin.cities')}
      path="/api/cities"
      blank={{ name: '', timezone: 'Europe/Moscow', workingHours: DEFAULT_WEEK }}
      toForm={(c) => ({ name: c.name, timezone: c.timezone, workingHours: c.workingHours })}
      toBody={(form, editing) => changedOnly(form, editing && { name: editing.name, timezone: editing.timezone, workingHours: editing.workingHours })}
      rowName={(c) => c.name}
      columns={[
        { key: 'name', header: t('city.name'), render: (c) => c.name },
        { key: 'tz', header: t('city.timezone'), render: (c) => c.timezone },
        { key: 'hours', header: t('city.workingHours'), render: (c) => summary(c.workingHours, (d) => t(`city.days.${d}`), t('city.closed')) },
      ]}
      fields={() => [
        { name: 'name', label: t('city.name') },
        { name: 'timezone', label: t('city.timezone') },
        { name: 'workingHours', label: t('city.workingHours'), render: (value, onChange, error) => <WorkingHoursEditor value={value} onChange={onChange} error={error} /> },
      ]}
    />
  );
}
