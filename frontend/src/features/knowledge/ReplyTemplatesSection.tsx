import { useTranslation } from 'react-i18next';
import { useCityOptions } from '../../shared/api/directories';
import { CrudDirectory } from '../../shared/ui/CrudDirectory';
import { Field } from '../../shared/ui/Field';

interface ReplyTemplate { id: number; title: string; text: string; city: string | null }

/** The operator templates "/" finds in the chat reply box (admins and supervisors keep them). */
export function ReplyTemplatesSection() {
  const { t } = useTranslation();
  const cities = useCityOptions();
  return (
    <CrudDirectory<ReplyTemplate>
      title={t('replies.templates')}
      path="/api/ai/templates"
      blank={{ title: '', text: '', city: '' }}
      toForm={(r) => ({ title: r.title, text: r.text, city: r.city ?? '' })}
      toBody={(form) => ({ title: form.title, text: form.text, city: form.city })}
      rowName={(r) => r.title}
      columns={[
        { key: 'title', header: t('kb.title'), render: (r) => r.title },
        { key: 'text', header: t('replies.text'), render: (r) => r.text },
        { key: 'city', header: t('kb.city'), render: (r) => r.city ?? t('kb.anyCity') },
      ]}
      fields={() => [
        { name: 'title', label: t('kb.title') },
        { name: 'city', label: t('kb.city'), type: 'select', options: cities, emptyLabel: t('kb.anyCity') },
        {
          name: 'text', label: t('replies.text'),
          render: (value, onChange, error) => (
            <Field label={t('replies.text')} error={error}>
              {(a11y) => <textarea {...a11y} name="text" rows={3} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />}
            </Field>
          ),
        },
      ]}
    />
  );
}
