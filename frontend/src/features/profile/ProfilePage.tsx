import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { setSession } from '../../shared/api/session';
import { useSession } from '../../shared/api/useSession';
import { formatDateTime } from '../../shared/lib/format';
import { TextField } from '../../shared/ui/Field';
import { SimpleTable } from '../../shared/ui/SimpleTable';
import { formErrorsOf, NO_ERRORS } from '../../shared/ui/formErrors';
import { FormMessage } from '../../shared/ui/FormMessage';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** One of the user's open sessions (`GET /api/auth/sessions`). */
interface OwnSession { id: number; startedAt: string; lastSeenAt: string; address: string | null; userAgent: string | null; current: boolean }

/**
 * The signed-in user's own page: who they are, a new password (the server's password rules; every
 * session ends with it, so they sign in again), and ending every session on every device.
 */
export function ProfilePage() {
  const { t } = useTranslation();
  const session = useSession();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState(NO_ERRORS);
  // the session guard sends to the login page, which says why
  const signInAgain = (reason: 'passwordChanged' | 'signedOutEverywhere') => setSession(null, reason);
  const change = useMutation({
    mutationFn: () => api('/api/operators/me/password', {
      method: 'PUT',
      body: { currentPassword: form.currentPassword, newPassword: form.newPassword },
    }),
    onSuccess: () => signInAgain('passwordChanged'),
    onError: (error) => setErrors(formErrorsOf(error, FIELDS, t('errors.network'))),
  });
  const sessions = useQuery({ queryKey: ['/api/auth/sessions'], queryFn: () => api<OwnSession[]>('/api/auth/sessions') });
  const endOne = useMutation({
    mutationFn: (id: number) => api(`/api/auth/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => void sessions.refetch(),
  });
  const endAll = useMutation({
    mutationFn: () => api('/api/auth/logout-all', { method: 'POST' }),
    onSuccess: () => signInAgain('signedOutEverywhere'),
  });
  if (!session) return null;
  const { user } = session;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.newPassword !== form.repeat) {
      setErrors({ fields: { repeat: t('profile.mismatch') } });
      return;
    }
    change.mutate();
  };
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <div className="detail">
      <h1>{t('nav.profile')}</h1>
      <div className="detail-grid">
        <div>
          <dl className="card facts">
            <dt>{t('operator.login')}</dt><dd>{user.login}</dd>
            <dt>{t('operator.name')}</dt><dd>{user.name ?? '—'}</dd>
            <dt>{t('operator.role')}</dt><dd>{t(`roles.${user.role}`)}</dd>
            <dt>{t('operator.city')}</dt><dd>{user.city ?? '—'}</dd>
          </dl>
          <section className="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{t('profile.sessions')}</h2>
            <SimpleTable caption={t('profile.sessions')} rows={sessions.data ?? []} rowKey={(s) => s.id} columns={[
              { key: 'device', header: t('profile.device'), render: (s) => <>{s.userAgent ?? '—'}{s.current && <> <strong>({t('profile.thisDevice')})</strong></>}</> },
              { key: 'address', header: t('profile.address'), render: (s) => s.address ?? '—' },
              { key: 'started', header: t('profile.startedAt'), render: (s) => formatDateTime(s.startedAt) },
              { key: 'seen', header: t('profile.lastSeenAt'), render: (s) => formatDateTime(s.lastSeenAt) },
              {
                key: 'actions', header: t('app.actions'),
                render: (s) => s.current ? null : (
                  <button type="button" disabled={endOne.isPending} onClick={() => endOne.mutate(s.id)}>{t('profile.endOne')}</button>
                ),
              },
            ]} />
            <p className="muted">{t('profile.sessionsHint')}</p>
            <button type="button" className="danger" disabled={endAll.isPending}
              onClick={() => window.confirm(t('profile.endAllConfirm')) && endAll.mutate()}>{t('profile.endAll')}</button>
          </section>
        </div>
        <form className="card" onSubmit={submit} aria-labelledby="password-title" noValidate>
          <h2 id="password-title">{t('profile.changePassword')}</h2>
          <TextField label={t('profile.currentPassword')} name="currentPassword" type="password" autoComplete="current-password"
            value={form.currentPassword} onChange={set('currentPassword')} error={errors.fields.currentPassword} />
          <TextField label={t('profile.newPassword')} name="newPassword" type="password" autoComplete="new-password"
            value={form.newPassword} onChange={set('newPassword')} error={errors.fields.newPassword} />
          <TextField label={t('profile.repeat')} name="repeat" type="password" autoComplete="new-password"
            value={form.repeat} onChange={set('repeat')} error={errors.fields.repeat} />
          <p className="muted">{t('profile.afterChange')}</p>
          <FormMessage message={errors.message} />
          <button type="submit" className="primary" disabled={change.isPending}>{t('profile.save')}</button>
        </form>
      </div>
    </div>
  );
}
