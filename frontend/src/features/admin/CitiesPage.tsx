import { useTranslation } from 'react-i18next';
import { CrudDirectory, changedOnly, type FormValues } from '../../shared/ui/CrudDirectory';
import { WorkingHoursEditor } from './WorkingHoursEditor';
import { DEFAULT_WEEK, summary, type WorkingHours } from './workingHours';

interface City {
  id: number; name: string; timezone: string; workingHours: WorkingHours;
  /** chat SLA targets in seconds of working time; null: none */
  chatFirstResponseSeconds: number | null; chatResolutionSeconds: number | null;
}

const SLA_FIELDS = ['chatFirstResponseSeconds', 'chatResolutionSeconds'] as const;

const formOf = (c: City): FormValues => ({
  name: c.name, timezone: c.timezone, workingHours: c.workingHours,
  chatFirstResponseSeconds: String(c.chatFirstResponseSeconds ?? ''), chatResolutionSeconds: String(c.chatResolutionSeconds ?? ''),
});

export function CitiesPage() {
  const { t } = useTranslation();
  return (
    <CrudDirectory<City>
      title={t('admin.cities')}
      path="/api/cities"
      blank={{ name: '', timezone: 'Europe/Moscow', workingHours: DEFAULT_WEEK, chatFirstResponseSeconds: '', chatResolutionSeconds: '' }}
      toForm={formOf}
      toBody={(form, editing) => {
        const body = changedOnly(form, editing && formOf(editing));
        // a number the API can name when it is wrong; anything else goes as typed and comes back as a 400 on the field
        SLA_FIELDS.forEach((field) => {
          if (body[field] !== undefined && /^\d+$/.test(body[field])) body[field] = Number(body[field]);
        });
        return body;
      }}
      rowName={(c) => c.name}
      columns={[
        { key: 'name', header: t('city.name'), render: (c) => c.name },
        { key: 'tz', header: t('city.timezone'), render: (c) => c.timezone },
        { key: 'hours', header: t('city.workingHours'), render: (c) => summary(c.workingHours, (d) => t(`city.days.${d}`), t('city.closed')) },
        { key: 'sla', header: t('citySla.column'), render: (c) => t('citySla.summary', { first: c.chatFirstResponseSeconds ?? '—', resolution: c.chatResolutionSeconds ?? '—' }) },
      ]}
      fields={() => [
        { name: 'name', label: t('city.name') },
        { name: 'timezone', label: t('city.timezone') },
        { name: 'workingHours', label: t('city.workingHours'), render: (value, onChange, error) => <WorkingHoursEditor value={value} onChange={onChange} error={error} /> },
        { name: 'chatFirstResponseSeconds', label: t('citySla.firstResponse'), type: 'number' },
        { name: 'chatResolutionSeconds', label: t('citySla.resolution'), type: 'number' },
      ]}
    />
  );
}
