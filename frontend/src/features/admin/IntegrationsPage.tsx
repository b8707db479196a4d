import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authorizedFetch } from '../../shared/api/client';
import { Badge } from '../../shared/ui/Badge';
import { QueryState } from '../../shared/ui/QueryState';
import { SimpleTable } from '../../shared/ui/SimpleTable';

interface Health { status: string; details?: Record<string, { status: string; details?: Record<string, unknown> }> }

/**
 * What the service reports about its connections (`GET /health` with details, which it gives to a
 * signed-in user): the database, the AMI link and whatever else registers a health indicator. A
 * component that is not configured reports nothing and is not listed. Read-only; secrets are
 * never part of these details.
 */
export function IntegrationsPage() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['health'],
    // /health answers 503 with the same body when something is down: both are readable here
    queryFn: () => authorizedFetch('/health').then((r) => r.json() as Promise<Health>),
    refetchInterval: 15_000,
  });
  const rows = Object.entries(health.data?.details ?? {}).map(([name, value]) => ({ name, ...value }));
  return (
    <section>
      <div className="toolbar">
        <h1>{t('integrations.title')}</h1>
        {health.data && <Badge tone={health.data.status === 'UP' ? 'up' : 'down'}>{health.data.status}</Badge>}
      </div>
      <p className="muted">{t('integrations.intro')}</p>
      <QueryState isLoading={health.isLoading} error={health.error} />
      <SimpleTable caption={t('integrations.title')} rows={rows} rowKey={(r) => r.name} columns={[
        { key: 'name', header: t('integrations.component'), render: (r) => <strong>{r.name}</strong> },
        { key: 'status', header: t('integrations.status'), render: (r) => <Badge tone={r.status === 'UP' ? 'up' : 'down'}>{r.status}</Badge> },
        { key: 'details', header: t('integrations.details'), render: (r) => <code className="wrap">{r.details ? JSON.stringify(r.details) : ''}</code> },
      ]} />
    </section>
  );
}
