import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError, login } from '../../shared/api/client';
import { TextField } from '../../shared/ui/Field';
import { FormMessage } from '../../shared/ui/FormMessage';
import { formErrorsOf, NO_ERRORS } from '../../shared/ui/formErrors';

const FIELDS = ['login', 'password'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const [form, setForm] = useState({ login: '', password: '' });
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await login(form.login, form.password);
      const next = params.get('next');
      // only a path of this app: "next" comes from the address bar
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (error) {
      const unauthorized = error instanceof ApiError && error.status === 401;
      setErrors(unauthorized ? { fields: {}, message: t('auth.failed') } : formErrorsOf(error, FIELDS, t('errors.network')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('app.title')}</h1>
        <h2>{t('auth.title')}</h2>
        {params.get('expired') && <FormMessage message={t('app.sessionExpired')} />}
        {params.get('passwordChanged') && <FormMessage kind="success" message={t('profile.changed')} />}
        {params.get('signedOutEverywhere') && <FormMessage kind="success" message={t('profile.endedAll')} />}
        <TextField label={t('auth.login')} name="login" value={form.login} autoComplete="username" required
          error={errors.fields.login} onChange={(login) => setForm({ ...form, login })} />
        <TextField label={t('auth.password')} name="password" type="password" value={form.password} autoComplete="current-password" required
          error={errors.fields.password} onChange={(password) => setForm({ ...form, password })} />
        <FormMessage message={errors.message} />
        <button type="submit" className="primary" disabled={busy}>
          {t('auth.submit')}
        </button>
      </form>
    </main>
  );
}
