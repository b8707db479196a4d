import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../shared/api/client';
import type { Call } from '../../shared/api/types';
import { formatDateTime, formatDuration, formatPhone } from '../../shared/lib/format';
import { newCallBackLink } from '../../shared/lib/taskLink';
import { Badge } from '../../shared/ui/Badge';
import { DispositionPicker } from '../../shared/ui/DispositionPicker';
import { TextField } from '../../shared/ui/Field';
import { formErrorsOf, NO_ERRORS } from '../../shared/ui/formErrors';
import { FormMessage } from '../../shared/ui/FormMessage';
import { PhoneLink } from '../../shared/ui/PhoneLink';
import { QueryState } from '../../shared/ui/QueryState';
import { AvitoAdLink } from '../../shared/ui/AvitoAdLink';
import { DraftPanel } from './DraftPanel';
import { TranscriptPanel } from './TranscriptPanel';

const FIELDS = ['note'] as const;

export function CallDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const call = useQuery({ queryKey: ['call', id], queryFn: () => api<Call>(`/api/calls/${id}`) });
  const [form, setForm] = useState({ note: '' });
  const [errors, setErrors] = useState(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (call.data) setForm({ note: call.data.note ?? '' });
  }, [call.data]);
  const save = useMutation({
    mutationFn: () => api<Call>(`/api/calls/${id}`, { method: 'PATCH', body: form }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['call', id], updated);
      setErrors(NO_ERRORS);
      setSaved(true);
    },
    onError: (error) => setErrors(formErrorsOf(error, FIELDS, t('errors.network'))),
  });
  if (!call.data) return <QueryState isLoading={call.isLoading} error={call.error} onRetry={() => call.refetch()} />;
  const c = call.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate();
  };
  return (
    <div className="detail">
      <div className="toolbar">
        <h1>{t('call.detail', { id: c.id })}</h1>
        <Link className="button" to={newCallBackLink({ clientId: c.clientId, phone: c.phoneClient, callId: c.id })}>{t('task.scheduleCallBack')}</Link>
      </div>
      <div className="detail-grid">
        <dl className="card facts">
          <dt>{t('call.date')}</dt><dd>{formatDateTime(c.dateCreate)}</dd>
          <dt>{t('call.phone')}</dt><dd><PhoneLink phone={c.phoneClient} /></dd>
          <dt>{t('call.phoneAts')}</dt><dd>{formatPhone(c.phoneAts)}</dd>
          <dt>{t('call.direction')}</dt><dd>{t(`direction.${c.direction}`)}</dd>
          <dt>{t('call.status')}</dt><dd><Badge tone={c.status}>{t(`callStatus.${c.status}`)}</Badge> {c.missedReason ?? ''}</dd>
          <dt>{t('call.operator')}</dt><dd>{c.operator?.name ?? '—'} {c.operatorExtension ? `(${c.operatorExtension})` : ''}</dd>
          <dt>{t('call.client')}</dt><dd>{c.clientName ?? '—'}</dd>
          <dt>{t('call.city')}</dt><dd>{c.city ?? '—'}</dd>
          <dt>{t('call.rk')}</dt><dd>{c.rk ?? '—'}</dd>
          {c.avitoAd && (
            <>
              <dt>{t('call.avitoAd')}</dt>
              <dd data-testid="call-avito-ad">
                <AvitoAdLink ad={c.avitoAd} />
                {' '}<span className="muted">№ {c.avitoAd.id}</span>
              </dd>
            </>
          )}
          <dt>{t('call.wait')}</dt><dd>{formatDuration(c.waitSeconds)}</dd>
          <dt>{t('call.talk')}</dt><dd>{formatDuration(c.talkSeconds)}</dd>
          <dt>{t('call.hold')}</dt><dd>{formatDuration(c.holdSeconds)}</dd>
          <dt>{t('call.disposition')}</dt><dd data-testid="call-disposition">{c.disposition ?? '—'}</dd>
          <dt>{t('call.order')}</dt><dd>{c.orderId ? <Link to={`/orders/${c.orderId}`}>№{c.orderId}</Link> : '—'}</dd>
        </dl>
        <form className="card" onSubmit={submit} aria-labelledby="annotate-title">
          <h2 id="annotate-title">{t('call.annotate')}</h2>
          <TextField label={t('call.note')} name="note" value={form.note} error={errors.fields.note} onChange={(note) => setForm({ ...form, note })} />
          <FormMessage message={errors.message} />
          {saved && <FormMessage kind="success" message={t('app.saved')} />}
          <button type="submit" className="primary" disabled={save.isPending}>{t('app.save')}</button>
        </form>
        {c.status === 'answered' && (
          <div className="card">
            <DispositionPicker key={c.id} call={c} onSaved={(updated) => queryClient.setQueryData(['call', id], updated)} />
          </div>
        )}
      </div>
      <TranscriptPanel callId={String(c.id)} />
      <DraftPanel callId={String(c.id)} />
    </div>
  );
}
