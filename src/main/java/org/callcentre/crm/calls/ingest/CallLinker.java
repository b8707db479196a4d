package org.callcentre.crm.calls.ingest;

import jakarta.inject.Singleton;
import org.callcentre.crm.campaigns.CampaignDirectory;
import org.callcentre.crm.campaigns.CampaignMatch;
import org.callcentre.crm.clients.ClientDirectory;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.Optional;

/**
 * Attaches a call to the operator whose extension it reached, to the client behind the outside
 * number, to the campaign (rk, city) of the company number, and to that client's open order.
 * No extension match leaves the call unassigned: guessing an operator would corrupt their figures.
 */
@Singleton
public class CallLinker {
    private final Db db;
    private final CampaignDirectory campaigns;
    private final ClientDirectory clients;

    public CallLinker(Db db, CampaignDirectory campaigns, ClientDirectory clients) {
        this.db = db;
        this.campaigns = campaigns;
        this.clients = clients;
    }

    public CallLinks link(CallOutcome outcome) {
        Long operatorId = outcome.operatorExtension() == null ? null
                : db.queryOne("SELECT id FROM operators WHERE sip_address = ?", rs -> rs.getLong(1), outcome.operatorExtension()).orElse(null);
        String companyPhone = PhoneNumbers.normalize(outcome.companyNumber()).orElse(null);
        Optional<CampaignMatch> campaign = companyPhone == null ? Optional.empty() : campaigns.findByPhoneAts(companyPhone);
        Long cityId = campaign.map(CampaignMatch::cityId).orElse(null);
        if (cityId == null && operatorId != null) {
            cityId = db.queryOne("SELECT city_id FROM operators WHERE id = ?", rs -> Db.getLong(rs, "city_id"), operatorId).orElse(null);
        }
        String clientPhone = "internal".equals(outcome.direction()) ? null : PhoneNumbers.normalize(outcome.clientNumber()).orElse(null);
        Long clientId = clientPhone == null ? null : clients.findOrCreateByPhone(clientPhone, null, cityId);
        Long openOrderId = clientId == null ? null
                : db.queryOne("SELECT id FROM orders WHERE client_id = ? AND status IN ('new', 'assigned', 'in_progress') "
                        + "ORDER BY created_at DESC, id DESC LIMIT 1", rs -> rs.getLong(1), clientId).orElse(null);
        return new CallLinks(operatorId, clientId, openOrderId, campaign.map(CampaignMatch::rk).orElse(null), cityId,
                clientPhone, companyPhone);
    }
}
