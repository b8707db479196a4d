import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../shared/api/client';
import { TextField } from '../../shared/ui/Field';
import { formErrorsOf, NO_ERRORS } from '../../shared/ui/formErrors';
import { FormMessage } from '../../shared/ui/FormMessage';
import { QueryState } from '../../shared/ui/QueryState';
import { DRAFT_FIELDS, draftEdits, draftFormOf, type CallDraft, type DraftField, type DraftForm } from './draft';

/** The AI summary and order draft of a call: marked as generated, editable, accepted into the call's order. */
export function DraftPanel({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const draft = useQuery({
    queryKey: ['call-draft', callId],
    // 404: no transcript, so no draft (yet)
    queryFn: () => api<CallDraft>(`/api/calls/${callId}/order-draft`).catch((e) => {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }),
  });
  const [form, setForm] = useState<DraftForm | null>(null);
  const [errors, setErrors] = useState(NO_ERRORS);
  useEffect(() => {
    if (draft.data) setForm(draftFormOf(draft.data.draft));
  }, [draft.data]);
  const accept = useMutation({
    mutationFn: () => api<{ id: number }>(`/api/calls/${callId}/order-draft/accept`, { method: 'POST', body: draftEdits(draft.data!.draft, form!) }),
    onSuccess: () => {
      setErrors(NO_ERRORS);
      void queryClient.invalidateQueries({ queryKey: ['call-draft', callId] });
      void queryClient.invalidateQueries({ queryKey: ['call', callId] });
    },
    onError: (error) => setErrors(formErrorsOf(error, DRAFT_FIELDS.map(([f]) => f), t('errors.network'))),
  });
  if (draft.data === null) return null;
  if (!draft.data || !form) return <QueryState isLoading={draft.isLoading} error={draft.error} onRetry={() => draft.refetch()} />;
  const d = draft.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    accept.mutate();
  };
  return (
    <form className="card generated" onSubmit={submit} aria-labelledby="draft-title" data-testid="order-draft">
      <h2 id="draft-title">{t('draft.title')} <span className="badge badge-generated">{t('draft.generated', { generator: d.draft.generator })}</span></h2>
      {d.draft.summary && <p><strong>{t('draft.summary')}:</strong> {d.draft.summary}</p>}
      {d.draft.sentiment && <p className="muted">{t('draft.sentiment')}: {t(`sentiment.${d.draft.sentiment}`, { defaultValue: d.draft.sentiment })}</p>}
      {d.draft.visitDate?.value && <p className="muted">{t('order.dateMeeting')}: {d.draft.visitDate.value}</p>}
      {/* once accepted, the order holds what the operator chose: the draft's own values would only mislead */}
      {!d.orderId && <div className="form-grid">
        {DRAFT_FIELDS.map(([field, source]) => (
          <div key={field}>
            <TextField label={t(`order.${field}`)} name={`draft-${field}`} value={form[field]} error={errors.fields[field]}
              onChange={(value) => setForm({ ...form, [field]: value })} />
            {(d.draft[source] as DraftField | null)?.evidence && (
              <small className="muted">{t('draft.evidence')}: «{(d.draft[source] as DraftField).evidence}»</small>
            )}
          </div>
        ))}
      </div>}
      <FormMessage message={errors.message} />
      {d.orderId ? (
        <p>{t('draft.accepted')} <Link to={`/orders/${d.orderId}`}>№{d.orderId}</Link></p>
      ) : (
        <button type="submit" className="primary" disabled={accept.isPending}>{t('draft.accept')}</button>
      )}
    </form>
  );
}
