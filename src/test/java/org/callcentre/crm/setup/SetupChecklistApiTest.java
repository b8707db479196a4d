package org.callcentre.crm.setup;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first-run checklist over HTTP on the real database: each step ticks when its rows exist, admins only. */
@MicronautTest(transactional = false)
class SetupChecklistApiTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api admin;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("root", "admin", null, null);
        admin = new Api(client).login("root", TestData.PASSWORD);
    }

    private Map<String, Object> steps() {
        Api.Reply reply = admin.get("/api/setup/checklist");
        assertEquals(200, reply.status(), reply.toString());
        Map<String, Object> done = new LinkedHashMap<>();
        for (Object step : (List<?>) reply.data().get("steps")) {
            Map<?, ?> item = (Map<?, ?>) step;
            done.put((String) item.get("step"), item.get("done"));
        }
        return done;
    }

    @Test
    void anEmptyCentreHasOnlyTheConfiguredTelephonyTickedAndEachStepTicksWhenItsRowsExist() {
        // the suite configures a Mango key, so the telephony step is done from the start
        assertEquals(Map.of("CITIES", false, "CAMPAIGNS", false, "OPERATORS", false, "TELEPHONY", true, "TEST_CALL", false), steps());
        assertEquals(List.of("CITIES", "CAMPAIGNS", "OPERATORS", "TELEPHONY", "TEST_CALL"), List.copyOf(steps().keySet()), "the order an admin takes them");
        assertFalse((Boolean) admin.get("/api/setup/checklist").data().get("complete"));

        long kazan = data.city("Казань", "Europe/Moscow");
        assertEquals(true, steps().get("CITIES"));
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('Авито Казань', ?, '+78432507713', 'avito')", kazan);
        assertEquals(true, steps().get("CAMPAIGNS"));
        data.user("sup", "supervisor", null, null);
        assertEquals(false, steps().get("OPERATORS"), "a supervisor does not take calls");
        long olga = data.user("olga", "operator", kazan, "101");
        assertEquals(true, steps().get("OPERATORS"));
        data.db().update("INSERT INTO calls (source, external_id, direction, status, operator_id, city_id, created_at) "
                + "VALUES ('mango', 'first', 'inbound', 'answered', ?, ?, now())", olga, kazan);
        assertEquals(true, steps().get("TEST_CALL"));
        Map<String, Object> checklist = admin.get("/api/setup/checklist").data();
        assertTrue((Boolean) checklist.get("complete"));
        assertEquals(false, checklist.get("demo"), "the demo mode is off unless CRM_DEMO=true");
        assertEquals(false, checklist.get("demoData"));
        assertEquals("/admin/cities", ((Map<?, ?>) ((List<?>) checklist.get("steps")).get(0)).get("screen"));
    }

    @Test
    void onlyAnAdminReadsTheChecklist() {
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", kazan, "101");
        data.user("sup", "supervisor", null, null);
        assertEquals(403, new Api(client).login("olga", TestData.PASSWORD).get("/api/setup/checklist").status());
        assertEquals(403, new Api(client).login("sup", TestData.PASSWORD).get("/api/setup/checklist").status());
        assertEquals(401, new Api(client).get("/api/setup/checklist").status());
    }
}
