import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatDuration, formatPhone } from '../../shared/lib/format';
import { newCallBackLink } from '../../shared/lib/taskLink';
import { AvitoAdLink } from '../../shared/ui/AvitoAdLink';
import { Badge } from '../../shared/ui/Badge';
import { DispositionPicker } from '../../shared/ui/DispositionPicker';
import { PhoneLink } from '../../shared/ui/PhoneLink';
import { orderDraftOf, type ScreenPop } from './screenPops';

export function ScreenPopCard({ pop, onDismiss }: { pop: ScreenPop; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { call, client, campaign, avitoAd } = pop;
  const titleId = `pop-${call.id}`;
  return (
    <article className={`card pop${client?.doNotServe ? ' pop-doNotServe' : client?.vip ? ' pop-vip' : ''}`} aria-labelledby={titleId} data-testid="screen-pop">
      <header className="pop-head">
        <h2 id={titleId}>
          {t('pop.title')}: {formatPhone(call.phoneClient)}
        </h2>
        <Badge tone={call.status}>{t(`callStatus.${call.status}`)}</Badge>
      </header>
      <dl className="pop-facts">
        <dt>{t('pop.caller')}</dt>
        <dd><PhoneLink phone={call.phoneClient} /></dd>
        <dt>{t('pop.client')}</dt>
        <dd data-testid="pop-client">{client?.name ?? call.clientName ?? t('pop.unknownClient')}</dd>
        {client && (client.vip || client.doNotServe) && (
          <>
          <dt>{t('pop.flags')}</dt>
          <dd data-testid="pop-flags">
            {client.vip && <Badge tone="vip">{t('client.vip')}</Badge>} {client.doNotServe && <Badge tone="doNotServe">{t('client.doNotServe')}</Badge>}
          </dd>
          </>
        )}
        <dt>{t('pop.city')}</dt>
        <dd data-testid="pop-city">{campaign?.city ?? call.city ?? '—'}</dd>
        <dt>{t('pop.campaign')}</dt>
        <dd>{campaign ? `${campaign.rk}${campaign.source ? ` · ${campaign.source}` : ''}` : call.rk ?? '—'}</dd>
        {avitoAd && (
          <>
            <dt>{t('call.avitoAd')}</dt>
            <dd data-testid="pop-avito-ad">
              <AvitoAdLink ad={avitoAd} />
              {!avitoAd.thisCall && <> <span className="muted">{t('pop.avitoAdCalledAt', { time: formatDateTime(avitoAd.calledAt) })}</span></>}
            </dd>
          </>
        )}
      </dl>
      {call.status === 'answered' && <DispositionPicker call={call} />}
      <div className="pop-actions">
        <Link className="button primary" to={`/orders/new?${orderDraftOf(pop)}`}>
          {t('pop.createOrder')}
        </Link>
        {client && (
          <Link className="button" to={`/clients/${client.id}`}>
            {t('client.open')}
          </Link>
        )}
        <Link className="button" to={newCallBackLink({ clientId: client?.id, phone: call.phoneClient, callId: call.id })}>
          {t('task.scheduleCallBack')}
        </Link>
        <Link className="button" to={`/calls/${call.id}`}>
          {t('call.detail', { id: call.id })}
        </Link>
        <button type="button" onClick={onDismiss}>
          {t('pop.dismiss')}
        </button>
      </div>
      <section aria-label={t('pop.openOrders')}>
        <h3>{t('pop.openOrders')}</h3>
        {pop.openOrders.length === 0 ? (
          <p className="muted">{t('pop.none')}</p>
        ) : (
          <ul className="plain">
            {pop.openOrders.map((o) => (
              <li key={o.id}>
                <Link to={`/orders/${o.id}`}>№{o.id}</Link> · {t(`orderStatus.${o.status}`)} · {o.typeEquipment ?? ''} {o.problem ?? ''}{' '}
                {o.address ? `· ${o.address}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={t('pop.recentCalls')}>
        <h3>{t('pop.recentCalls')}</h3>
        {pop.recentCalls.length === 0 ? (
          <p className="muted">{t('pop.none')}</p>
        ) : (
          <ul className="plain">
            {pop.recentCalls.map((c) => (
              <li key={c.id}>
                <Link to={`/calls/${c.id}`}>{formatDateTime(c.createdAt)}</Link> · {t(`direction.${c.direction}`)} ·{' '}
                {t(`callStatus.${c.status}`)} · {formatDuration(c.talkSeconds)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={t('pop.notes')}>
        <h3>{t('pop.notes')}</h3>
        {!client || client.notes.length === 0 ? (
          <p className="muted">{t('pop.none')}</p>
        ) : (
          <ul className="plain">
            {client.notes.map((n) => (
              <li key={n.id}>
                <span className="muted">{formatDateTime(n.createdAt)} {n.authorLogin ?? ''}:</span> {n.text}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
