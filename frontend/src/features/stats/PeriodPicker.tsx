import { useTranslation } from 'react-i18next';
import { periodProblem, presetPeriod, type Period, type PeriodPreset } from '../../shared/lib/period';
import { TextField } from '../../shared/ui/Field';

const PRESETS: PeriodPreset[] = ['today', 'yesterday', 'week', 'month'];

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  const { t } = useTranslation();
  const problem = periodProblem(value);
  return (
    <fieldset className="period">
      <legend>{t('stats.period')}</legend>
      <div className="period-presets" role="group">
        {PRESETS.map((preset) => {
          const period = presetPeriod(preset);
          const active = period.startDate === value.startDate && period.endDate === value.endDate;
          return (
            <button key={preset} type="button" aria-pressed={active} className={active ? 'active' : undefined} onClick={() => onChange(period)}>
              {t(`stats.${preset}`)}
            </button>
          );
        })}
      </div>
      <TextField label={t('stats.from')} name="startDate" type="date" value={value.startDate} onChange={(startDate) => onChange({ ...value, startDate })}
        error={problem === 'reversed' ? t('stats.badPeriod') : undefined} />
      <TextField label={t('stats.to')} name="endDate" type="date" value={value.endDate} onChange={(endDate) => onChange({ ...value, endDate })} />
    </fieldset>
  );
}
