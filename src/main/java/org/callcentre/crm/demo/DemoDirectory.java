package org.callcentre.crm.demo;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.campaigns.CampaignRequest;
import org.callcentre.crm.campaigns.CampaignService;
import org.callcentre.crm.cities.CityRequest;
import org.callcentre.crm.cities.CityService;
import org.callcentre.crm.leads.avito.AvitoAccountRequest;
import org.callcentre.crm.leads.avito.AvitoAccountService;
import org.callcentre.crm.leads.avito.AvitoAccountView;
import org.callcentre.crm.operators.OperatorRequest;
import org.callcentre.crm.operators.OperatorService;

import java.util.List;

/**
 * The demo's cities, campaigns, operators and Avito account, made once (through the same services as the admin
 * screens, so they are valid and audited) and marked in {@code demo_rows}.
 */
@Singleton
class DemoDirectory {
    static final Actor DEMO = Actor.system("demo");
    static final long AVITO_USER_ID = 900_000_001L;
    static final List<String> OPERATORS = List.of("demo-olga", "demo-ivan", "demo-anna");
    static final String SUPERVISOR = "demo-supervisor";

    private record DemoCity(String name, String zone) {
    }

    private record DemoCampaign(String rk, String city, String phone, String source) {
    }

    private record DemoOperator(String login, String name, String role, String city, String extension) {
    }

    private static final List<DemoCity> CITIES = List.of(new DemoCity("Казань (демо)", "Europe/Moscow"),
            new DemoCity("Самара (демо)", "Europe/Samara"));
    private static final List<DemoCampaign> CAMPAIGNS = List.of(
            new DemoCampaign("Демо: Авито Казань", "Казань (демо)", "+78432000101", "avito"),
            new DemoCampaign("Демо: сайт Казань", "Казань (демо)", "+78432000102", "site"),
            new DemoCampaign("Демо: Авито Самара", "Самара (демо)", "+78462000101", "avito"));
    private static final List<DemoOperator> USERS = List.of(
            new DemoOperator(OPERATORS.get(0), "Ольга (демо)", "operator", "Казань (демо)", "901"),
            new DemoOperator(OPERATORS.get(1), "Иван (демо)", "operator", "Казань (демо)", "902"),
            new DemoOperator(OPERATORS.get(2), "Анна (демо)", "operator", "Самара (демо)", "903"),
            new DemoOperator(SUPERVISOR, "Супервизор (демо)", "supervisor", null, null));

    private final DemoRows rows;
    private final CityService cities;
    private final CampaignService campaigns;
    private final OperatorService operators;
    private final AvitoAccountService avito;
    private final DemoSettings settings;

    DemoDirectory(DemoRows rows, CityService cities, CampaignService campaigns, OperatorService operators,
                  AvitoAccountService avito, DemoSettings settings) {
        this.rows = rows;
        this.cities = cities;
        this.campaigns = campaigns;
        this.operators = operators;
        this.avito = avito;
        this.settings = settings;
    }

    /**
     * Makes the demo rows unless they exist, and gives the Avito account a fresh webhook address (shown only when it is
     * made, so a restart takes a new one): the address the demo's chats are posted to.
     */
    @Transactional
    String ensure() {
        if (!rows.any()) {
            create();
        }
        long account = rows.ids("avito_account").get(0);
        return avito.renewWebhookSecret(account, DEMO).webhookPath();
    }

    private void create() {
        for (DemoCity city : CITIES) {
            rows.mark("city", cities.create(new CityRequest(city.name(), city.zone(), null, null, null), DEMO).id());
        }
        for (DemoCampaign c : CAMPAIGNS) {
            rows.mark("campaign", campaigns.create(new CampaignRequest(c.rk(), c.city(), c.phone(), c.source()), DEMO).id());
        }
        for (DemoOperator o : USERS) {
            rows.mark("operator", operators.create(new OperatorRequest(o.login(), settings.password(), o.name(), o.role(), o.city(),
                    o.extension(), null, o.extension() == null ? null : "working"), DEMO).id());
        }
        AvitoAccountView account = avito.create(new AvitoAccountRequest("Авито (демо)", CITIES.get(0).name(), CAMPAIGNS.get(0).rk(),
                AVITO_USER_ID, "demo-client", "demo-secret", true), DEMO);
        rows.mark("avito_account", account.id());
    }
}
