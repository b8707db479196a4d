package org.callcentre.crm.callbacks;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Missed calls arrive as signed Mango webhooks; the callback list is read over HTTP. */
@MicronautTest(transactional = false)
class CallbacksFromMissedCallsTest {
    private static final long T0 = 1740823200;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    MangoWebhooks mango;
    Api kazanOperator;
    Api samaraOperator;
    Api supervisor;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        long samara = data.city("Самара", "Europe/Samara");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('KZN-AVITO', ?, '+78432507713', 'avito')", kazan);
        data.user("op101", "operator", kazan, "101");
        data.user("op201", "operator", samara, "201");
        data.user("sveta", "supervisor", null, null);
        Api api = new Api(client);
        kazanOperator = api.login("op101", TestData.PASSWORD);
        samaraOperator = api.login("op201", TestData.PASSWORD);
        supervisor = api.login("sveta", TestData.PASSWORD);
        mango = new MangoWebhooks(client, data.db());
    }

    private List<Map<String, Object>> callbacks(Api who, String query) {
        Api.Reply reply = who.get("/api/callbacks" + query);
        assertEquals(200, reply.status(), reply.toString());
        return reply.list();
    }

    @Test
    void repeatedMissedCallsMakeOneTaskThatALaterAnsweredCallCloses() {
        mango.summary("missed-1", "79161234567", T0, 0, T0 + 40, null);
        mango.summary("missed-1", "79161234567", T0, 0, T0 + 40, null);
        mango.summary("missed-2", "79161234567", T0 + 600, 0, T0 + 620, null);
        mango.awaitApplied();

        List<Map<String, Object>> open = callbacks(kazanOperator, "?status=open");
        assertEquals(1, open.size(), open.toString());
        assertEquals(2, ((Number) open.get(0).get("missedCount")).intValue());
        assertEquals("+79161234567", open.get(0).get("phone"));
        assertEquals("Казань", open.get(0).get("city"));

        mango.summary("answered-1", "79161234567", T0 + 900, T0 + 910, T0 + 1000, "101");
        mango.awaitApplied();
        assertEquals(List.of(), callbacks(kazanOperator, "?status=open"));
        Map<String, Object> done = callbacks(kazanOperator, "?status=done").get(0);
        assertNotNull(done.get("closedByCallId"));
    }

    @Test
    void aMissedCallOlderThanAnAnsweredOneNeedsNoCallback() {
        mango.summary("answered-late", "79161234567", T0 + 900, T0 + 910, T0 + 1000, "101");
        mango.awaitApplied();
        mango.summary("missed-early", "79161234567", T0, 0, T0 + 40, null);
        mango.awaitApplied();
        assertEquals(0, data.count("callbacks"));
    }

    @Test
    void operatorsSeeTheirOwnCitysTasksAndCanCloseThem() {
        mango.summary("missed-1", "79161234567", T0, 0, T0 + 40, null);
        mango.awaitApplied();
        assertEquals(List.of(), callbacks(samaraOperator, ""));
        assertEquals(1, callbacks(supervisor, "?city=" + java.net.URLEncoder.encode("Казань", java.nio.charset.StandardCharsets.UTF_8)).size());
        long id = ((Number) callbacks(kazanOperator, "").get(0).get("id")).longValue();

        assertEquals(404, samaraOperator.patch("/api/callbacks/" + id, Map.of("status", "done")).status());
        Api.Reply bad = kazanOperator.patch("/api/callbacks/" + id, Map.of("status", "maybe"));
        assertEquals(400, bad.status());
        assertEquals(List.of("status"), List.copyOf(bad.errorFields().keySet()));

        Api.Reply closed = kazanOperator.patch("/api/callbacks/" + id, Map.of("status", "done", "note", "Перезвонил, записал на завтра"));
        assertEquals(200, closed.status(), closed.toString());
        assertEquals("done", closed.data().get("status"));
        assertNotNull(closed.data().get("closedAt"));
        assertEquals(409, kazanOperator.patch("/api/callbacks/" + id, Map.of("status", "open")).status());
        assertEquals(401, new Api(client).get("/api/callbacks").status());
    }
}
