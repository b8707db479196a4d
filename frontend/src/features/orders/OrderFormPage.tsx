import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { newCallBackLink } from '../../shared/lib/taskLink';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { OrderNotifications } from './OrderNotifications';
import { api, apiPage } from '../../shared/api/client';
import { useCityOptions } from '../../shared/api/directories';
import { activeOptions, useResultCodes } from '../../shared/api/resultCodes';
import { ORDER_STATUSES, type Order } from '../../shared/api/types';
import { useSession } from '../../shared/api/useSession';
import { SelectField, TextField } from '../../shared/ui/Field';
import { formErrorsOf, NO_ERRORS } from '../../shared/ui/formErrors';
import { FormMessage } from '../../shared/ui/FormMessage';
import { QueryState } from '../../shared/ui/QueryState';
import { bodyOf, draftFromQuery, formOf, ORDER_FIELDS, ORDER_TYPES, type OrderForm } from './orderForm';

/** `/orders/new` (filled from the query string) and `/orders/:id` (edit, status change). */
export function OrderFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const queryClient = useQueryClient();
  const cities = useCityOptions();
  const existing = useQuery({ queryKey: ['order', id], queryFn: () => api<Order>(`/api/orders/${id}`), enabled: !!id });
  const original = useMemo(() => (existing.data ? formOf(existing.data) : undefined), [existing.data]);
  const [form, setForm] = useState<OrderForm>(() => {
    const draft = draftFromQuery(params);
    return { ...draft, city: draft.city || session?.user.city || '' };
  });
  const [errors, setErrors] = useState(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (original) setForm(original);
  }, [original]);
  const campaigns = useQuery({
    queryKey: ['campaigns', form.city],
    queryFn: () => apiPage<{ id: number; rk: string }>('/api/campaigns', { query: { city: form.city, limit: 100 } }).then((p) => p.data),
    enabled: !!form.city,
  });
  const masters = useQuery({
    queryKey: ['masters', form.city],
    queryFn: () => apiPage<{ id: number; name: string }>('/api/masters', { query: { city: form.city, status: 'active', limit: 100 } }).then((p) => p.data),
    enabled: !!id && !!form.city,
  });
  const reasons = useResultCodes('cancel-reasons');
  const save = useMutation({
    mutationFn: () =>
      id ? api<Order>(`/api/orders/${id}`, { method: 'PATCH', body: bodyOf(form, original) }) : api<Order>('/api/orders', { method: 'POST', body: bodyOf(form) }),
    onSuccess: (order) => {
      setErrors(NO_ERRORS);
      void queryClient.invalidateQueries({ queryKey: ['/api/orders'] });
      if (id) {
        queryClient.setQueryData(['order', id], order);
        setSaved(true);
      } else {
        navigate(`/orders?created=${order.id}`);
      }
    },
    onError: (error) => setErrors(formErrorsOf(error, ORDER_FIELDS, t('errors.network'))),
  });
  if (id && !existing.data) return <QueryState isLoading={existing.isLoading} error={existing.error} onRetry={() => existing.refetch()} />;

  const field = (name: (typeof ORDER_FIELDS)[number], type = 'text') => (
    <TextField label={t(`order.${name}`)} name={name} type={type} value={form[name]} error={errors.fields[name]}
      onChange={(value) => setForm((f) => ({ ...f, [name]: value }))} />
  );
  const select = (name: (typeof ORDER_FIELDS)[number], options: { value: string; label: string }[], emptyLabel?: string) => (
    <SelectField label={t(`order.${name}`)} name={name} value={form[name]} options={options} emptyLabel={emptyLabel} error={errors.fields[name]}
      onChange={(value) => setForm((f) => ({ ...f, [name]: value }))} />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const callId = params.get('callId');
  return (
    <>
    <form className="card order-form" onSubmit={submit} aria-labelledby="order-title" noValidate>
      <h1 id="order-title">{id ? t('order.detail', { id }) : t('order.new')}</h1>
      {callId && <p className="muted">{t('order.fromCall', { id: callId })}</p>}
      {id && existing.data && (
        <p><Link to={newCallBackLink({ clientId: existing.data.clientId, phone: existing.data.phone, orderId: Number(id) })}>{t('task.scheduleCallBack')}</Link></p>
      )}
      <div className="form-grid">
        {field('phone', 'tel')}
        {field('clientName')}
        {select('city', cities, '—')}
        {select('rk', [...new Set([form.rk, ...(campaigns.data ?? []).map((c) => c.rk)].filter(Boolean))].map((rk) => ({ value: rk, label: rk })), '—')}
        {select('typeOrder', ORDER_TYPES.map((v) => ({ value: v, label: t(`orderType.${v}`) })))}
        {field('typeEquipment')}
        {field('address')}
        {field('dateMeeting', 'datetime-local')}
        {field('problem')}
        {id && select('status', ORDER_STATUSES.map((v) => ({ value: v, label: t(`orderStatus.${v}`) })))}
        {id && form.status === 'cancelled' && select('cancelReasonId', activeOptions(reasons.data, existing.data?.cancelReasonId), '—')}
        {id && select('masterId', (masters.data ?? []).map((m) => ({ value: String(m.id), label: m.name })), '—')}
        {id && field('result', 'number')}
        {id && field('expenditure', 'number')}
        {id && field('clean', 'number')}
      </div>
      <FormMessage message={errors.message} />
      {saved && <FormMessage kind="success" message={t('app.saved')} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>{id ? t('app.save') : t('app.create')}</button>
        <button type="button" onClick={() => navigate(-1)}>{t('app.cancel')}</button>
      </div>
    </form>
    {id && <OrderNotifications orderId={id} />}
    </>
  );
}
