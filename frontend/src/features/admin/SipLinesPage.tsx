import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../shared/api/client';
import { useCityOptions } from '../../shared/api/directories';
import { formatDateTime } from '../../shared/lib/format';
import { Badge } from '../../shared/ui/Badge';
import { useNotify } from '../../shared/ui/Notices';
import { AdminCrud, changedOnly } from './AdminCrud';

interface SipLine { id: number; name: string; host: string; port: number; transport: string; username: string | null; hasSecret: boolean; city: string | null; enabled: boolean }
interface SipLineStatus { lineId: number; state: 'up' | 'down' | 'unknown'; lastCode: number | null; lastReason: string | null; rttMs: number | null; checkedAt: string | null; error: string | null }

/** The line's health as the SIP OPTIONS probes last saw it, re-read every 10 s. */
function LineState({ id }: { id: number }) {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: ['sip-status', id], queryFn: () => api<SipLineStatus>(`/api/sip-lines/${id}/status`), refetchInterval: 10_000 });
  const s = status.data;
  if (!s) return <span className="muted">…</span>;
  const title = [s.lastCode && `${s.lastCode} ${s.lastReason ?? ''}`, s.rttMs !== null && `${s.rttMs} ms`, s.checkedAt && formatDateTime(s.checkedAt), s.error].filter(Boolean).join(' · ');
  return <span title={title}><Badge tone={s.state}>{t(`sipState.${s.state}`)}</Badge> <span className="muted small">{title}</span></span>;
}

export function SipLinesPage() {
  const { t } = useTranslation();
  const cities = useCityOptions();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const formOf = (l: SipLine) => ({ name: l.name, host: l.host, port: String(l.port), transport: l.transport, username: l.username ?? '', secret: '', city: l.city ?? '', enabled: l.enabled });
  return (
    <AdminCrud<SipLine>
      title={t('admin.sipLines')}
      path="/api/sip-lines"
      blank={{ name: '', host: '', port: '5060', transport: 'udp', username: '', secret: '', city: '', enabled: true }}
      toForm={formOf}
      toBody={(form, editing) => {
        const body = changedOnly(form, editing && formOf(editing));
        if (body.port !== undefined && /^\d+$/.test(body.port)) body.port = Number(body.port);
        if (!editing) body.enabled = form.enabled;
        return body;
      }}
      rowName={(l) => l.name}
      columns={[
        { key: 'name', header: t('sip.name'), render: (l) => l.name },
        { key: 'host', header: t('sip.host'), render: (l) => `${l.host}:${l.port}` },
        { key: 'transport', header: t('sip.transport'), render: (l) => l.transport.toUpperCase() },
        { key: 'user', header: t('sip.username'), render: (l) => l.username ?? '—' },
        { key: 'secret', header: t('sip.hasSecret'), render: (l) => (l.hasSecret ? t('app.yes') : t('app.no')) },
        { key: 'city', header: t('sip.city'), render: (l) => l.city ?? '—' },
        { key: 'enabled', header: t('sip.enabled'), render: (l) => (l.enabled ? t('app.yes') : t('app.no')) },
        { key: 'state', header: t('sip.state'), render: (l) => <LineState id={l.id} /> },
      ]}
      rowActions={(l) => (
        <button type="button" onClick={() => api(`/api/sip-lines/${l.id}/probe`, { method: 'POST' }).then(
          () => queryClient.invalidateQueries({ queryKey: ['sip-status', l.id] }),
          (error) => notify(error instanceof ApiError ? error.message : String(error), 'error'))}>
          {t('sip.probe')}
        </button>
      )}
      fields={() => [
        { name: 'name', label: t('sip.name') },
        { name: 'host', label: t('sip.host') },
        { name: 'port', label: t('sip.port'), type: 'number' },
        { name: 'transport', label: t('sip.transport'), type: 'select', options: ['udp', 'tcp', 'tls'].map((v) => ({ value: v, label: v.toUpperCase() })) },
        { name: 'username', label: t('sip.username') },
        { name: 'secret', label: t('sip.secret'), type: 'password' },
        { name: 'city', label: t('sip.city'), type: 'select', options: cities, emptyLabel: '—' },
        { name: 'enabled', label: t('sip.enabled'), type: 'checkbox' },
      ]}
    />
  );
}
