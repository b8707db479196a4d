import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../shared/api/client';
import { useCityOptions } from '../../shared/api/directories';
import { CrudDirectory, changedOnly } from '../../shared/ui/CrudDirectory';
import { useNotify } from '../../shared/ui/Notices';

interface AvitoAccount {
  id: number; name: string; city: string | null; rk: string | null; avitoUserId: number; clientId: string | null;
  hasSecret: boolean; enabled: boolean; webhookPath: string | null;
}

/**
 * Avito profiles. The client secret is write-only (the list says whether one is set); the secret
 * webhook address comes only in the answer that created or renewed it, and is shown once, here.
 */
export function AvitoAccountsPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const cities = useCityOptions();
  const [issued, setIssued] = useState<{ name: string; path: string } | null>(null);
  const show = (row: AvitoAccount) => row.webhookPath && setIssued({ name: row.name, path: row.webhookPath });
  const failed = (error: unknown) => notify(error instanceof ApiError ? error.message : String(error), 'error');
  const formOf = (a: AvitoAccount) => ({ name: a.name, city: a.city ?? '', rk: a.rk ?? '', avitoUserId: String(a.avitoUserId), clientId: a.clientId ?? '', clientSecret: '', enabled: a.enabled });
  return (
    <div className="stack">
      {issued && (
        <div className="card issued" role="alert" data-testid="webhook-path">
          <p>{t('avito.webhookIssued', { name: issued.name })}</p>
          <code className="wrap">{new URL(issued.path, window.location.origin).href}</code>{' '}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(new URL(issued.path, window.location.origin).href)}>{t('apiKey.copy')}</button>
          <button type="button" onClick={() => setIssued(null)}>{t('app.close')}</button>
        </div>
      )}
      <CrudDirectory<AvitoAccount>
        title={t('admin.avito')}
        path="/api/avito/accounts"
        blank={{ name: '', city: '', rk: '', avitoUserId: '', clientId: '', clientSecret: '', enabled: true }}
        toForm={formOf}
        toBody={(form, editing) => {
          const body = changedOnly(form, editing && formOf(editing));
          if (typeof body.avitoUserId === 'string' && /^\d+$/.test(body.avitoUserId)) body.avitoUserId = Number(body.avitoUserId);
          if (!editing) body.enabled = form.enabled;
          return body;
        }}
        onSaved={show}
        rowName={(a) => a.name}
        columns={[
          { key: 'name', header: t('avito.name'), render: (a) => a.name },
          { key: 'city', header: t('avito.city'), render: (a) => a.city ?? '—' },
          { key: 'rk', header: t('avito.rk'), render: (a) => a.rk ?? '—' },
          { key: 'user', header: t('avito.userId'), render: (a) => a.avitoUserId },
          { key: 'clientId', header: t('avito.clientId'), render: (a) => a.clientId ?? '—' },
          { key: 'secret', header: t('avito.hasSecret'), render: (a) => (a.hasSecret ? t('app.yes') : t('app.no')) },
          { key: 'enabled', header: t('avito.enabled'), render: (a) => (a.enabled ? t('app.yes') : t('app.no')) },
        ]}
        rowActions={(a, refresh) => (
          <>
            <button type="button" aria-label={`${t('avito.renewWebhook')}: ${a.name}`}
              onClick={() => window.confirm(t('avito.renewConfirm')) &&
                api<AvitoAccount>(`/api/avito/accounts/${a.id}/webhook-secret`, { method: 'POST' }).then((row) => { show(row); refresh(); }, failed)}>
              {t('avito.renewWebhook')}
            </button>
            <button type="button" aria-label={`${t('avito.syncCalls')}: ${a.name}`}
              onClick={() => api<Record<string, number>>(`/api/avito/accounts/${a.id}/calltracking`, { method: 'POST' })
                .then((r) => notify(t('avito.synced', { result: Object.entries(r).map(([k, v]) => `${k}: ${v}`).join(', ') })), failed)}>
              {t('avito.syncCalls')}
            </button>
          </>
        )}
        fields={() => [
          { name: 'name', label: t('avito.name') },
          { name: 'city', label: t('avito.city'), type: 'select', options: cities, emptyLabel: '—' },
          { name: 'rk', label: t('avito.rk') },
          { name: 'avitoUserId', label: t('avito.userId'), type: 'number' },
          { name: 'clientId', label: t('avito.clientId') },
          { name: 'clientSecret', label: t('avito.clientSecret'), type: 'password' },
          { name: 'enabled', label: t('avito.enabled'), type: 'checkbox' },
        ]}
      />
    </div>
  );
}
