import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { useCityOptions } from '../../shared/api/directories';
import { SelectField } from '../../shared/ui/Field';
import { Field } from '../../shared/ui/Field';
import { formErrorsOf, NO_ERRORS } from '../../shared/ui/formErrors';
import { FormMessage } from '../../shared/ui/FormMessage';
import { Badge } from '../../shared/ui/Badge';

interface AiAnswer {
  id: number; answer: string | null; title: string | null; confidence: number; handoff: boolean; reason: string | null;
  sources: { entryId: number; title: string; category: string; confidence: number }[]; writtenByLlm: boolean;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** Asks the AI what it would answer a client (the auto-responder's own decision) and shows why. */
export function AiTester() {
  const { t } = useTranslation();
  const cities = useCityOptions();
  const [question, setQuestion] = useState('');
  const [city, setCity] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);
  const ask = useMutation({
    mutationFn: () => api<AiAnswer>('/api/ai/answer', { method: 'POST', body: { question, city: city || null } }),
    onSuccess: () => setErrors(NO_ERRORS),
    onError: (error) => setErrors(formErrorsOf(error, ['question', 'city'], t('errors.network'))),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  const a = ask.data;
  return (
    <section className="card" aria-labelledby="ai-tester-title">
      <h2 id="ai-tester-title">{t('kb.tester')}</h2>
      <form onSubmit={submit} className="form-grid" aria-label={t('kb.tester')}>
        <Field label={t('kb.question')} error={errors.fields.question}>
          {(a11y) => <textarea {...a11y} name="question" rows={2} value={question} onChange={(e) => setQuestion(e.target.value)} />}
        </Field>
        <SelectField label={t('kb.city')} name="city" value={city} onChange={setCity} options={cities} emptyLabel={t('kb.anyCity')} error={errors.fields.city} />
        <FormMessage message={errors.message} />
        <div className="form-actions"><button type="submit" className="primary" disabled={ask.isPending}>{t('kb.ask')}</button></div>
      </form>
      {a && (
        <div className="ai-result" data-testid="ai-result" aria-live="polite">
          <p>
            <Badge tone={a.handoff ? 'handoff' : 'answered'}>{a.handoff ? t('kb.handoff') : t('kb.answers')}</Badge>{' '}
            {t('kb.confidence')}: <strong data-testid="ai-confidence">{percent(a.confidence)}</strong>
            {a.writtenByLlm && ` · ${t('ai.llm')}`}
          </p>
          {a.answer && <blockquote data-testid="ai-answer">{a.answer}</blockquote>}
          {a.reason && <p className="muted">{t('kb.reason')}: {a.reason}</p>}
          {a.sources.length > 0 && (
            <>
              <h3>{t('ai.sources')}</h3>
              <ul>{a.sources.map((s) => <li key={s.entryId}>{s.title} <span className="muted">({s.category}, {percent(s.confidence)})</span></li>)}</ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
