package org.callcentre.crm.calls.ingest;

import jakarta.inject.Singleton;
import org.callcentre.crm.campaigns.CampaignMatch;
import org.callcentre.crm.clients.ClientDirectory;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Attaches a call to the operator whose extension it reached, to the client behind the outside
 * number, to the campaign (rk, city) of the company number, and to that client's open order.
 * No extension match leaves the call unassigned: guessing an operator would corrupt their figures.
 */
@Singleton
public class CallLinker {
    private final Db db;
    private final IngestLookups lookups;
    private final ClientDirectory clients;

    public CallLinker(Db db, IngestLookups lookups, ClientDirectory clients) {
        this.db = db;
        this.lookups = lookups;
        this.clients = clients;
    }

    /**
     * Links every call of a batch: operators and campaigns from the cached lookups, the clients of
     * new outside numbers in one set-based call to the client directory, and those clients' open
     * orders in one query.
     *
     * @param earlier by call key, what each call was linked to before this batch (absent for a new call)
     * @return by call key
     */
    Map<String, CallLinks> linkAll(Map<String, CallOutcome> outcomes, Map<String, CallLinks> earlier) {
        Map<String, CallLinks> partial = new HashMap<>();
        Map<String, Long> cityByNewPhone = new HashMap<>();
        outcomes.forEach((callKey, outcome) -> {
            Optional<IngestLookups.OperatorRef> operator = lookups.operatorByExtension(outcome.operatorExtension());
            String companyPhone = PhoneNumbers.normalize(outcome.companyNumber()).orElse(null);
            Optional<CampaignMatch> campaign = lookups.campaignByNumber(companyPhone);
            Long cityId = campaign.map(CampaignMatch::cityId).or(() -> operator.map(IngestLookups.OperatorRef::cityId)).orElse(null);
            String clientPhone = outcome.direction() == CallDirection.INTERNAL ? null : PhoneNumbers.normalize(outcome.clientNumber()).orElse(null);
            CallLinks before = earlier.get(callKey);
            boolean sameClient = before != null && before.clientId() != null && Objects.equals(before.clientPhone(), clientPhone);
            if (!sameClient && clientPhone != null) {
                cityByNewPhone.putIfAbsent(clientPhone, cityId);
            }
            partial.put(callKey, new CallLinks(operator.map(IngestLookups.OperatorRef::id).orElse(null),
                    sameClient ? before.clientId() : null, sameClient ? before.openOrderId() : null,
                    campaign.map(CampaignMatch::rk).orElse(null), cityId, clientPhone, companyPhone));
        });
        if (cityByNewPhone.isEmpty()) {
            return partial;
        }
        Map<String, Long> clientByPhone = clients.findOrCreateByPhones(cityByNewPhone);
        Map<Long, Long> openOrders = openOrdersOf(clientByPhone.values());
        Map<String, CallLinks> links = new HashMap<>();
        partial.forEach((callKey, l) -> {
            Long clientId = l.clientId() != null || l.clientPhone() == null ? l.clientId() : clientByPhone.get(l.clientPhone());
            Long openOrderId = l.clientId() != null ? l.openOrderId() : clientId == null ? null : openOrders.get(clientId);
            links.put(callKey, new CallLinks(l.operatorId(), clientId, openOrderId, l.rk(), l.cityId(), l.clientPhone(), l.companyPhone()));
        });
        return links;
    }

    /** Each client's newest open order, one query for all of them ({@code orders_client_idx}). */
    private Map<Long, Long> openOrdersOf(Collection<Long> clientIds) {
        Map<Long, Long> orders = new HashMap<>();
        db.query("SELECT DISTINCT ON (client_id) client_id, id FROM orders "
                        + "WHERE client_id = ANY (?::bigint[]) AND status IN ('new', 'assigned', 'in_progress') "
                        + "ORDER BY client_id, created_at DESC, id DESC",
                rs -> orders.put(rs.getLong(1), rs.getLong(2)), clientIds);
        return orders;
    }

    /** The active users whose extension started ringing in these events: who gets a screen-pop. */
    List<CallChanged.RungUser> rung(List<CallEvent> newEvents) {
        return CallChanged.ringingExtensions(newEvents).stream()
                .flatMap(extension -> lookups.operatorByExtension(extension).stream())
                .filter(IngestLookups.OperatorRef::active)
                .map(operator -> new CallChanged.RungUser(operator.id(), operator.cityScope()))
                .toList();
    }
}
