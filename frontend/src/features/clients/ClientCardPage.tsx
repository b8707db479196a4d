import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../shared/api/client';
import { useSession } from '../../shared/api/useSession';
import { formatDateTime } from '../../shared/lib/format';
import { newCallBackLink } from '../../shared/lib/taskLink';
import { Field, TextField } from '../../shared/ui/Field';
import { formErrorsOf, NO_ERRORS } from '../../shared/ui/formErrors';
import { FormMessage } from '../../shared/ui/FormMessage';
import { useNotify } from '../../shared/ui/Notices';
import { PhoneLink } from '../../shared/ui/PhoneLink';
import { QueryState } from '../../shared/ui/QueryState';
import { ClientFlags } from './ClientFlags';
import { ClientTimeline } from './ClientTimeline';
import { parseTags, type ClientCard, type ClientNote } from './clients';

const FIELDS = ['name', 'tags', 'vip', 'doNotServe'] as const;

/** The client card: contacts, tags and flags, notes, the timeline; merge and erasure at the end. */
export function ClientCardPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const client = useQuery({ queryKey: ['client', id], queryFn: () => api<ClientCard>(`/api/clients/${id}`) });
  const refresh = (card?: ClientCard) => {
    if (card) queryClient.setQueryData(['client', id], card);
    void queryClient.invalidateQueries({ queryKey: ['client-timeline', id] });
  };
  if (!client.data || !id) return <QueryState isLoading={client.isLoading} error={client.error} onRetry={() => client.refetch()} />;
  const c = client.data;
  return (
    <div className="detail">
      <div className="toolbar">
        <h1>
          {c.anonymised ? t('client.anonymised') : c.name ?? t('client.noName')} <ClientFlags vip={c.vip} doNotServe={c.doNotServe} />
        </h1>
        {!c.anonymised && <Link className="button" to={newCallBackLink({ clientId: c.id, phone: c.phones[0] })}>{t('task.scheduleCallBack')}</Link>}
      </div>
      <div className="detail-grid">
        <div>
          <dl className="card facts" aria-label={t('client.contacts')}>
            <dt>{t('client.id')}</dt><dd>{c.id}</dd>
            <dt>{t('client.phones')}</dt>
            <dd data-testid="client-phones">{c.phones.length ? c.phones.map((p) => <div key={p}><PhoneLink phone={p} /></div>) : '—'}</dd>
            <dt>{t('client.city')}</dt><dd>{c.city ?? '—'}</dd>
            <dt>{t('client.lastContact')}</dt><dd>{formatDateTime(c.lastContactAt)}</dd>
            <dt>{t('client.createdAt')}</dt><dd>{formatDateTime(c.createdAt)}</dd>
          </dl>
          {!c.anonymised && <EditForm card={c} onSaved={refresh} />}
        </div>
        <Notes card={c} onChanged={refresh} />
      </div>
      <ClientTimeline clientId={id} />
      <Housekeeping card={c} onMerged={refresh} />
    </div>
  );
}

function EditForm({ card, onSaved }: { card: ClientCard; onSaved: (card: ClientCard) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: '', tags: '', vip: false, doNotServe: false });
  const [errors, setErrors] = useState(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setForm({ name: card.name ?? '', tags: card.tags.join(', '), vip: card.vip, doNotServe: card.doNotServe });
  }, [card]);
  const save = useMutation({
    mutationFn: () => api<ClientCard>(`/api/clients/${card.id}`, {
      method: 'PATCH',
      body: { name: form.name, tags: parseTags(form.tags), vip: form.vip, doNotServe: form.doNotServe },
    }),
    onSuccess: (updated) => {
      setErrors(NO_ERRORS);
      setSaved(true);
      onSaved(updated);
    },
    onError: (error) => setErrors(formErrorsOf(error, FIELDS, t('errors.network'))),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="client-edit-title">
      <h2 id="client-edit-title">{t('client.edit')}</h2>
      <TextField label={t('client.name')} name="name" value={form.name} error={errors.fields.name} onChange={(name) => setForm({ ...form, name })} />
      <TextField label={t('client.tagsHint')} name="tags" value={form.tags} error={errors.fields.tags} onChange={(tags) => setForm({ ...form, tags })} />
      <label className="check">
        <input type="checkbox" name="vip" checked={form.vip} onChange={(e) => setForm({ ...form, vip: e.target.checked })} /> {t('client.vip')}
      </label>
      <label className="check">
        <input type="checkbox" name="doNotServe" checked={form.doNotServe} onChange={(e) => setForm({ ...form, doNotServe: e.target.checked })} />{' '}
        {t('client.doNotServe')}
      </label>
      <FormMessage message={errors.message} />
      {saved && <FormMessage kind="success" message={t('app.saved')} />}
      <button type="submit" className="primary" disabled={save.isPending}>{t('app.save')}</button>
    </form>
  );
}

function Notes({ card, onChanged }: { card: ClientCard; onChanged: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  const [errors, setErrors] = useState(NO_ERRORS);
  const done = () => {
    setErrors(NO_ERRORS);
    void queryClient.invalidateQueries({ queryKey: ['client', String(card.id)] });
    onChanged();
  };
  const add = useMutation({
    mutationFn: () => api<ClientNote>(`/api/clients/${card.id}/notes`, { method: 'POST', body: { text } }),
    onSuccess: () => {
      setText('');
      done();
    },
    onError: (error) => setErrors(formErrorsOf(error, ['text'], t('errors.network'))),
  });
  const edit = useMutation({
    mutationFn: (note: { id: number; text: string }) =>
      api<ClientNote>(`/api/clients/${card.id}/notes/${note.id}`, { method: 'PATCH', body: { text: note.text } }),
    onSuccess: () => {
      setEditing(null);
      done();
    },
    onError: (error) => setErrors(formErrorsOf(error, ['text'], t('errors.network'))),
  });
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('client.notes')}</h2>
      {!card.anonymised && (
        <form onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
          <Field label={t('client.newNote')} error={editing ? undefined : errors.fields.text}>
            {(a11y) => <textarea {...a11y} name="note" rows={2} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <button type="submit" disabled={add.isPending}>{t('client.addNote')}</button>
        </form>
      )}
      <FormMessage message={errors.message} />
      <ul className="plain" data-testid="client-notes">
        {card.notes.map((n) => (
          <li key={n.id}>
            <span className="muted">{formatDateTime(n.createdAt)} {n.authorLogin ?? ''}:</span>{' '}
            {editing?.id === n.id ? (
              <form onSubmit={(e) => { e.preventDefault(); edit.mutate(editing); }}>
                <Field label={t('client.editNote')} error={errors.fields.text}>
                  {(a11y) => <textarea {...a11y} rows={2} value={editing.text} onChange={(e) => setEditing({ id: n.id, text: e.target.value })} />}
                </Field>
                <button type="submit" className="primary" disabled={edit.isPending}>{t('app.save')}</button>{' '}
                <button type="button" onClick={() => setEditing(null)}>{t('app.cancel')}</button>
              </form>
            ) : (
              <>
                {n.text}{' '}
                {n.operatorId === session?.user.id && (
                  <button type="button" className="link" onClick={() => setEditing({ id: n.id, text: n.text })}>{t('app.edit')}</button>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Merging a duplicate in, and erasing the client's data on their request (supervisors and admins). */
function Housekeeping({ card, onMerged }: { card: ClientCard; onMerged: (card: ClientCard) => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const session = useSession();
  const [duplicate, setDuplicate] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);
  const merge = useMutation({
    mutationFn: () => api<ClientCard>(`/api/clients/${card.id}/merge`, { method: 'POST', body: { duplicateId: Number(duplicate) || null } }),
    onSuccess: (merged) => {
      setDuplicate('');
      setErrors(NO_ERRORS);
      onMerged(merged);
      notify(t('client.merged'));
    },
    onError: (error) => setErrors(formErrorsOf(error, ['duplicateId'], t('errors.network'))),
  });
  const erase = useMutation({
    mutationFn: () => api<ClientCard>(`/api/clients/${card.id}/anonymise`, { method: 'POST', body: {} }),
    onSuccess: (erased) => onMerged(erased),
    onError: (error) => notify(error instanceof ApiError ? error.message : String(error), 'error'),
  });
  if (card.anonymised) return null;
  const mayErase = session?.user.role === 'supervisor' || session?.user.role === 'admin';
  return (
    <section className="card" aria-labelledby="housekeeping-title">
      <h2 id="housekeeping-title">{t('client.housekeeping')}</h2>
      <form className="filters" onSubmit={(e) => { e.preventDefault(); if (window.confirm(t('client.mergeConfirm', { id: duplicate }))) merge.mutate(); }}>
        <TextField label={t('client.duplicateId')} name="duplicateId" type="number" value={duplicate} error={errors.fields.duplicateId} onChange={setDuplicate} />
        <button type="submit" disabled={merge.isPending}>{t('client.merge')}</button>
      </form>
      <FormMessage message={errors.message} />
      {mayErase && (
        <button type="button" className="danger" disabled={erase.isPending}
          onClick={() => window.confirm(t('client.eraseConfirm')) && erase.mutate()}>{t('client.erase')}</button>
      )}
      <button type="button" className="link" onClick={() => navigate('/clients')}>{t('client.back')}</button>
    </section>
  );
}
