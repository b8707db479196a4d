package org.callcentre.crm.calls.ingest;

import jakarta.inject.Singleton;
import org.callcentre.crm.campaigns.CampaignMatch;
import org.callcentre.crm.clients.ClientDirectory;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.List;
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

    /** @param earlier what the call was linked to before this batch, or null for a new call */
    public CallLinks link(CallOutcome outcome, CallLinks earlier) {
        Optional<IngestLookups.OperatorRef> operator = lookups.operatorByExtension(outcome.operatorExtension());
        String companyPhone = PhoneNumbers.normalize(outcome.companyNumber()).orElse(null);
        Optional<CampaignMatch> campaign = lookups.campaignByNumber(companyPhone);
        Long cityId = campaign.map(CampaignMatch::cityId).or(() -> operator.map(IngestLookups.OperatorRef::cityId)).orElse(null);
        String clientPhone = "internal".equals(outcome.direction()) ? null : PhoneNumbers.normalize(outcome.clientNumber()).orElse(null);
        Long clientId;
        Long openOrderId;
        if (earlier != null && earlier.clientId() != null && Objects.equals(earlier.clientPhone(), clientPhone)) {
            clientId = earlier.clientId();
            openOrderId = earlier.openOrderId();
        } else {
            clientId = clientPhone == null ? null : clients.findOrCreateByPhone(clientPhone, null, cityId);
            openOrderId = clientId == null ? null
                    : db.queryOne("SELECT id FROM orders WHERE client_id = ? AND status IN ('new', 'assigned', 'in_progress') "
                            + "ORDER BY created_at DESC, id DESC LIMIT 1", rs -> rs.getLong(1), clientId).orElse(null);
        }
        return new CallLinks(operator.map(IngestLookups.OperatorRef::id).orElse(null), clientId, openOrderId,
                campaign.map(CampaignMatch::rk).orElse(null), cityId, clientPhone, companyPhone);
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
