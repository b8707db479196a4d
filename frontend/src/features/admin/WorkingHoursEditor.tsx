import { useTranslation } from 'react-i18next';
import { DAYS, hoursOf, rowsOf, type WorkingHours } from './workingHours';

export function WorkingHoursEditor({ value, onChange, error }: { value: WorkingHours; onChange: (value: WorkingHours) => void; error?: string }) {
  const { t } = useTranslation();
  const rows = rowsOf(value);
  const update = (day: (typeof DAYS)[number], change: Partial<(typeof rows)[typeof day]>) => onChange(hoursOf({ ...rows, [day]: { ...rows[day], ...change } }));
  return (
    <fieldset className="hours" aria-describedby={error ? 'hours-error' : undefined}>
      <legend>{t('city.workingHours')}</legend>
      {DAYS.map((day) => (
        <div key={day} className="hours-row">
          <label>
            <input type="checkbox" checked={rows[day].open} onChange={(e) => update(day, { open: e.target.checked })} /> {t(`city.days.${day}`)}
          </label>
          {rows[day].open ? (
            <>
              <label>{t('city.from')} <input type="time" value={rows[day].from} onChange={(e) => update(day, { from: e.target.value })} /></label>
              <label>{t('city.to')} <input type="time" value={rows[day].to} onChange={(e) => update(day, { to: e.target.value })} /></label>
            </>
          ) : (
            <span className="muted">{t('city.closed')}</span>
          )}
        </div>
      ))}
      {error && <span className="field-error" id="hours-error" role="alert">{error}</span>}
    </fieldset>
  );
}
