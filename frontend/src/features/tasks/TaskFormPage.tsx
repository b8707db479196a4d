import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../shared/api/client';
import { useSession } from '../../shared/api/useSession';
import { useCityOptions } from '../../shared/api/directories';
import { formatPhone } from '../../shared/lib/format';
import { Field, SelectField, TextField } from '../../shared/ui/Field';
import { formErrorsOf, NO_ERRORS } from '../../shared/ui/formErrors';
import { FormMessage } from '../../shared/ui/FormMessage';
import { localInputValue, PRIORITIES, withOffset, type Task } from './tasks';

const FIELDS = ['kind', 'title', 'note', 'dueAt', 'assignee', 'city', 'priority', 'phone', 'clientId', 'callId', 'orderId', 'conversationId'] as const;
const LINKS = ['clientId', 'callId', 'orderId', 'conversationId'] as const;

/**
 * A new task or call-back. Opened from a pop, a call, an order, a chat or a client card with what
 * it is about in the query string (`kind`, `clientId`, `phone`, `callId`, `orderId`, `conversationId`, `title`).
 */
export function TaskFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const cities = useCityOptions();
  const seesAllCities = session?.user.role !== 'operator';
  const kind = params.get('kind') === 'callback' ? 'callback' : 'task';
  const [form, setForm] = useState({
    kind,
    title: params.get('title') ?? (kind === 'callback' ? t('task.callBack') : ''),
    note: '',
    dueAt: localInputValue(new Date(Date.now() + 60 * 60 * 1000)),
    assignee: 'me',
    city: '',
    priority: 'normal',
    phone: params.get('phone') ?? '',
  });
  const [errors, setErrors] = useState(NO_ERRORS);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const links = Object.fromEntries(LINKS.filter((k) => params.get(k)).map((k) => [k, Number(params.get(k))]));
  const create = useMutation({
    mutationFn: () => api<Task>('/api/tasks', {
      method: 'POST',
      body: { ...form, dueAt: withOffset(form.dueAt), phone: form.phone || undefined, city: form.city || undefined, ...links },
    }),
    onSuccess: (task) => navigate(`/tasks?created=${task.id}`),
    onError: (error) => setErrors(formErrorsOf(error, FIELDS, t('errors.network'))),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="task-form-title">
      <h1 id="task-form-title">{t('task.new')}</h1>
      {Object.keys(links).length > 0 && (
        <p className="muted" data-testid="task-about">
          {LINKS.filter((k) => links[k]).map((k) => t(`task.about.${k}`, { id: links[k] })).join(' · ')}
          {form.phone ? ` · ${formatPhone(form.phone)}` : ''}
        </p>
      )}
      <SelectField label={t('task.kind')} name="kind" value={form.kind} onChange={set('kind')} error={errors.fields.kind}
        options={['task', 'callback'].map((k) => ({ value: k, label: t(`taskKind.${k}`) }))} />
      <TextField label={t('task.title')} name="title" value={form.title} onChange={set('title')} error={errors.fields.title} />
      <TextField label={t('task.dueAt')} name="dueAt" type="datetime-local" step="1" value={form.dueAt} onChange={set('dueAt')} error={errors.fields.dueAt} />
      <SelectField label={t('task.assignee')} name="assignee" value={form.assignee} onChange={set('assignee')} error={errors.fields.assignee}
        options={[{ value: 'me', label: t('task.me') }, { value: 'city', label: t('task.myCity') }]} />
      {seesAllCities && (
        <SelectField label={t('task.city')} name="city" value={form.city} onChange={set('city')} error={errors.fields.city} emptyLabel="—" options={cities} />
      )}
      <SelectField label={t('task.priority')} name="priority" value={form.priority} onChange={set('priority')} error={errors.fields.priority}
        options={PRIORITIES.map((p) => ({ value: p, label: t(`taskPriority.${p}`) }))} />
      <TextField label={t('task.phone')} name="phone" type="tel" value={form.phone} onChange={set('phone')} error={errors.fields.phone} />
      <Field label={t('task.note')} error={errors.fields.note}>
        {(a11y) => <textarea {...a11y} name="note" rows={3} value={form.note} onChange={(e) => set('note')(e.target.value)} />}
      </Field>
      <FormMessage message={errors.message} />
      <button type="submit" className="primary" disabled={create.isPending}>{t('app.create')}</button>
    </form>
  );
}
