import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiPage } from '../../shared/api/client';
import { formatDateTime } from '../../shared/lib/format';
import { TextField } from '../../shared/ui/Field';
import { formErrorsOf, NO_ERRORS } from '../../shared/ui/formErrors';
import { FormMessage } from '../../shared/ui/FormMessage';
import { SimpleTable } from '../../shared/ui/SimpleTable';

interface ApiKey { id: number; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }

/** Keys for `POST /api/integrations/leads`; the key itself is shown once, right after it is made. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['/api/api-keys'], queryFn: () => apiPage<ApiKey>('/api/api-keys', { query: { limit: 100 } }) });
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const [errors, setErrors] = useState(NO_ERRORS);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/api/api-keys'] });
  const create = useMutation({
    mutationFn: () => api<{ key: string }>('/api/api-keys', { method: 'POST', body: { name } }),
    onSuccess: (key) => {
      setIssued(key.key);
      setName('');
      setErrors(NO_ERRORS);
      void refresh();
    },
    onError: (error) => setErrors(formErrorsOf(error, ['name'], t('errors.network'))),
  });
  const revoke = useMutation({ mutationFn: (id: number) => api(`/api/api-keys/${id}`, { method: 'DELETE' }), onSuccess: refresh });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">{t('admin.apiKeys')}</h1>
      <form className="card inline-form" onSubmit={submit}>
        <TextField label={t('apiKey.name')} name="name" value={name} onChange={setName} error={errors.fields.name} />
        <button type="submit" className="primary" disabled={create.isPending}>{t('app.create')}</button>
        <FormMessage message={errors.message} />
      </form>
      {issued && (
        <div className="card issued" role="status">
          <p>{t('apiKey.issued')}</p>
          <code data-testid="issued-key">{issued}</code>{' '}
          <button type="button" onClick={() => navigator.clipboard?.writeText(issued)}>{t('apiKey.copy')}</button>{' '}
          <button type="button" onClick={() => setIssued(null)}>{t('app.close')}</button>
        </div>
      )}
      <SimpleTable caption={t('admin.apiKeys')} rows={list.data?.data ?? []} rowKey={(k) => k.id} columns={[
        { key: 'name', header: t('apiKey.name'), render: (k) => k.name },
        { key: 'prefix', header: t('apiKey.prefix'), render: (k) => <code>{k.prefix}…</code> },
        { key: 'created', header: t('apiKey.createdAt'), render: (k) => formatDateTime(k.createdAt) },
        { key: 'used', header: t('apiKey.lastUsedAt'), render: (k) => formatDateTime(k.lastUsedAt) },
        { key: 'revoked', header: t('apiKey.revokedAt'), render: (k) => formatDateTime(k.revokedAt) },
        { key: 'actions', header: t('app.actions'), render: (k) => !k.revokedAt && <button type="button" className="danger" onClick={() => revoke.mutate(k.id)}>{t('apiKey.revoke')}</button> },
      ]} />
    </section>
  );
}
