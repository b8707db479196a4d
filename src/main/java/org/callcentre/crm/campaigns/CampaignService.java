package org.callcentre.crm.campaigns;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.Locale;
import java.util.Map;

@Singleton
public class CampaignService {
    private final CampaignRepository campaigns;
    private final CityDirectory cities;
    private final AuditLog audit;

    public CampaignService(CampaignRepository campaigns, CityDirectory cities, AuditLog audit) {
        this.campaigns = campaigns;
        this.cities = cities;
        this.audit = audit;
    }

    @Transactional
    public Page<CampaignView> list(String city, String source, Actor actor, PageRequest page) {
        Long cityId = cities.optionalId("city", city);
        String sourceFilter = source == null || source.isBlank() ? null : source.trim().toLowerCase(Locale.ROOT);
        return campaigns.list(cityId, sourceFilter, actor.cityScope(), page).map(Campaign::view);
    }

    /** An operator sees only their city's campaigns; another city's is as good as absent. */
    @Transactional
    public CampaignView get(long id, Actor actor) {
        Campaign campaign = find(id);
        if (actor.cityScope() != null && !actor.cityScope().equals(campaign.cityId())) {
            throw ApiException.notFound("Campaign " + id);
        }
        return campaign.view();
    }

    @Transactional
    public CampaignView create(CampaignRequest request, Actor actor) {
        Fields f = new Fields();
        String rk = f.required("rk", request.rk(), 64);
        Long cityId = f.attempt("city", () -> cities.requireId("city", request.city()));
        String phoneAts = f.attempt("phoneAts", () -> PhoneNumbers.require("phoneAts", request.phoneAts()));
        String source = source(f, request.source());
        f.throwIfAny();
        requireUnique(rk, phoneAts, null);
        long id = campaigns.insert(rk, cityId, phoneAts, source);
        audit.record(actor, "create", "campaign", id, new Changes().set("rk", rk).set("city", request.city().trim())
                .set("phoneAts", phoneAts).set("source", source).asMap());
        return find(id).view();
    }

    @Transactional
    public CampaignView update(long id, CampaignRequest request, Actor actor) {
        Campaign current = find(id);
        Fields f = new Fields();
        String rk = request.rk() == null ? current.rk() : f.required("rk", request.rk(), 64);
        Long cityId = request.city() == null ? current.cityId() : f.attempt("city", () -> cities.requireId("city", request.city()));
        String phoneAts = request.phoneAts() == null ? current.phoneAts()
                : f.attempt("phoneAts", () -> PhoneNumbers.require("phoneAts", request.phoneAts()));
        String source = request.source() == null ? current.source() : source(f, request.source());
        f.throwIfAny();
        requireUnique(rk, phoneAts, id);
        Campaign updated = new Campaign(id, rk, cityId, request.city() == null ? current.city() : request.city().trim(),
                phoneAts, source, current.createdAt(), current.updatedAt());
        campaigns.update(updated);
        audit.record(actor, "update", "campaign", id, new Changes()
                .field("rk", current.rk(), updated.rk())
                .field("city", current.city(), updated.city())
                .field("phoneAts", current.phoneAts(), updated.phoneAts())
                .field("source", current.source(), updated.source()).asMap());
        return find(id).view();
    }

    @Transactional
    public void delete(long id, Actor actor) {
        Campaign current = find(id);
        campaigns.delete(id);
        audit.record(actor, "delete", "campaign", id, Map.of("rk", current.rk(), "phoneAts", current.phoneAts()));
    }

    private Campaign find(long id) {
        return campaigns.findById(id).orElseThrow(() -> ApiException.notFound("Campaign " + id));
    }

    private void requireUnique(String rk, String phoneAts, Long exceptId) {
        if (campaigns.rkTaken(rk, exceptId)) {
            throw ApiException.conflict("Campaign '" + rk + "' already exists");
        }
        if (campaigns.phoneAtsTaken(phoneAts, exceptId)) {
            throw ApiException.conflict("Number " + phoneAts + " already belongs to another campaign");
        }
    }

    /** Lower-cased so that "Avito" and "avito" count as one source in reports. */
    private static String source(Fields f, String raw) {
        String source = f.required("source", raw, 40);
        return source == null ? null : source.toLowerCase(Locale.ROOT);
    }
}
