package org.callcentre.crm.leads;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.apikeys.ApiKeyService;
import org.callcentre.crm.apikeys.ApiScope;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.orders.ExternalId;
import org.callcentre.crm.orders.Order;
import org.callcentre.crm.orders.OrderFields;
import org.callcentre.crm.orders.OrderService;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.Optional;

/**
 * Turns website leads into new orders. Websites retry, so a lead is taken once per external id:
 * a repeat answers with the order the first one created. External ids live in the namespace of the
 * key's integration: another integration's id is a new lead, never a way to read someone's order.
 */
@Singleton
public class LeadService {
    private static final String SCOPE = ApiScope.LEADS_WRITE.value();

    private final ApiKeyService apiKeys;
    private final OrderService orders;
    private final CityDirectory cities;
    private final LeadRepository leads;

    public LeadService(ApiKeyService apiKeys, OrderService orders, CityDirectory cities, LeadRepository leads) {
        this.apiKeys = apiKeys;
        this.orders = orders;
        this.cities = cities;
        this.leads = leads;
    }

    /** The lead's order, and whether this request created it. */
    public record Intake(Order order, boolean created) {
    }

    @Transactional
    public Intake take(String apiKey, LeadRequest lead, String ip) {
        ApiKeyService.Caller caller = apiKeys.authenticate(apiKey, SCOPE, ip);
        Actor actor = caller.actor();
        Fields f = new Fields();
        String externalId = f.required("externalId", lead.externalId(), 200);
        String phone = f.attempt("phone", () -> PhoneNumbers.require("phone", lead.phone()));
        String name = f.optional("name", lead.name(), 200);
        String rk = f.optional("rk", lead.rk(), 100);
        String problem = f.optional("problem", lead.problem());
        String address = f.optional("address", lead.address(), 500);
        Long cityId = f.attempt("city", () -> cityId(lead.city(), rk));
        f.throwIfAny();
        ExternalId id = ExternalId.ofIntegration(caller.integrationId(), externalId);
        return orders.create(OrderFields.lead(rk, cityId, phone, name, address, problem), id, actor)
                .map(order -> new Intake(order, true))
                .orElseGet(() -> new Intake(orders.findByExternalId(id).orElseThrow(), false));
    }

    /** The named city, or else the city of the campaign the lead came from. */
    private long cityId(String city, String rk) {
        if (city != null && !city.isBlank()) {
            return cities.requireId("city", city);
        }
        Optional<Long> campaignCity = rk == null ? Optional.empty() : leads.cityOfCampaign(rk);
        return campaignCity.orElseThrow(() -> ApiException.badField("city", "is required unless rk names a known campaign"));
    }
}
