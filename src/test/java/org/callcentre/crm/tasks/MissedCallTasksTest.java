package org.callcentre.crm.tasks;

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

/** Missed calls arrive as signed Mango webhooks; their call-backs are read from the one task list over HTTP. */
@MicronautTest(transactional = false)
class MissedCallTasksTest {
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
        Api.Reply reply = who.get("/api/tasks" + query);
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
        assertEquals("callback", open.get(0).get("kind"));
        assertEquals(true, open.get(0).get("missed"));
        assertEquals(Boolean.TRUE, open.get(0).get("overdue"), "a missed call is to be called back at once");
        assertEquals(java.time.Instant.ofEpochSecond(T0).toString(), open.get(0).get("dueAt"));

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
        assertEquals(0, data.count("tasks"));
    }

    @Test
    void aCallSeenMissedUntilItsLateAnswerArrivedIsNoLongerCountedOnTheCallBack() {
        mango.summary("missed-later", "79161234567", T0 + 1000, 0, T0 + 1040, null);
        mango.awaitApplied();
        // the answer was refused (503) and is sent again after the operator's hang-up: the call looks missed meanwhile
        assertEquals(200, mango.post("events/call", operatorLeg("late", 2, T0 + 660, "Disconnected")));
        mango.awaitApplied();
        assertEquals(2, ((Number) callbacks(kazanOperator, "?status=open").get(0).get("missedCount")).intValue());

        assertEquals(200, mango.post("events/call", operatorLeg("late", 1, T0 + 605, "Connected")));
        mango.awaitApplied();
        List<Map<String, Object>> open = callbacks(kazanOperator, "?status=open");
        assertEquals(1, open.size(), open.toString());
        assertEquals(1, ((Number) open.get(0).get("missedCount")).intValue(), "only the call still missed");
        assertEquals(java.time.Instant.ofEpochSecond(T0 + 1000).toString(), open.get(0).get("dueAt"));
        assertEquals(1, data.count("task_calls"));
    }

    /** Mango's {@code events/call} for operator 101's leg of an inbound call from Ivan. */
    private static String operatorLeg(String entryId, int seq, long at, String state) {
        return """
                {"entry_id":"%s","call_id":"%s-b","timestamp":%d,"seq":%d,"call_state":"%s","location":"abonent",\
                "from":{"number":"79161234567"},"to":{"extension":"101","line_number":"78432507713"}%s}"""
                .formatted(entryId, entryId, at, seq, state, state.equals("Disconnected") ? ",\"disconnect_reason\":1110" : "");
    }

    @Test
    void eachClientKeepsItsOwnCallBackWhenTheirCallsInterleave() {
        mango.summary("ivan-missed", "79161234567", T0, 0, T0 + 40, null);
        mango.awaitApplied();
        // delivered together (one ingest batch or several): Ivan is reached, then missed again; Pyotr is missed twice
        mango.summary("ivan-answered", "79161234567", T0 + 100, T0 + 110, T0 + 200, "101");
        mango.summary("pyotr-missed-1", "79167654321", T0 + 150, 0, T0 + 160, null);
        mango.summary("ivan-missed-again", "79161234567", T0 + 300, 0, T0 + 320, null);
        mango.summary("pyotr-missed-2", "79167654321", T0 + 400, 0, T0 + 420, null);
        mango.awaitApplied();

        Map<String, Integer> openByPhone = new java.util.TreeMap<>();
        callbacks(kazanOperator, "").forEach(t -> openByPhone.put((String) t.get("phone"), ((Number) t.get("missedCount")).intValue()));
        assertEquals(Map.of("+79161234567", 1, "+79167654321", 2), openByPhone);
        assertEquals(1, callbacks(kazanOperator, "?status=done").size());
    }

    @Test
    void aScheduledCallBackIsNotWhereMissedCallsGather() {
        mango.summary("missed-1", "79161234567", T0, 0, T0 + 40, null);
        mango.awaitApplied();
        long client = ((Number) callbacks(kazanOperator, "").get(0).get("clientId")).longValue();
        Api.Reply scheduled = kazanOperator.post("/api/tasks", Map.of("kind", "callback", "title", "Перезвонить в 18:00",
                "dueAt", java.time.OffsetDateTime.now().plusDays(1).toString(), "clientId", client));
        assertEquals(201, scheduled.status(), scheduled.toString());
        mango.summary("missed-2", "79161234567", T0 + 600, 0, T0 + 620, null);
        mango.awaitApplied();

        List<Map<String, Object>> open = callbacks(kazanOperator, "");
        assertEquals(2, open.size(), open.toString());
        assertEquals(List.of(2, 0), open.stream().map(t -> ((Number) t.get("missedCount")).intValue()).toList());
    }

    @Test
    void operatorsSeeTheirOwnCitysTasksAndCanCloseThem() {
        mango.summary("missed-1", "79161234567", T0, 0, T0 + 40, null);
        mango.awaitApplied();
        assertEquals(List.of(), callbacks(samaraOperator, ""));
        assertEquals(1, callbacks(supervisor, "?city=" + java.net.URLEncoder.encode("Казань", java.nio.charset.StandardCharsets.UTF_8)).size());
        long id = ((Number) callbacks(kazanOperator, "").get(0).get("id")).longValue();

        assertEquals(404, samaraOperator.patch("/api/tasks/" + id, Map.of("status", "done")).status());
        Api.Reply bad = kazanOperator.patch("/api/tasks/" + id, Map.of("status", "maybe"));
        assertEquals(400, bad.status());
        assertEquals(List.of("status"), List.copyOf(bad.errorFields().keySet()));

        Api.Reply closed = kazanOperator.patch("/api/tasks/" + id, Map.of("status", "done", "note", "Перезвонил, записал на завтра"));
        assertEquals(200, closed.status(), closed.toString());
        assertEquals("done", closed.data().get("status"));
        assertNotNull(closed.data().get("doneAt"));
        assertEquals(List.of(), callbacks(kazanOperator, ""));

        // the client calls again and is missed: a new call-back, not the closed one reopened
        mango.summary("missed-2", "79161234567", T0 + 600, 0, T0 + 620, null);
        mango.awaitApplied();
        List<Map<String, Object>> reopened = callbacks(kazanOperator, "");
        assertEquals(1, reopened.size());
        assertEquals(1, ((Number) reopened.get(0).get("missedCount")).intValue());
        assertEquals(401, new Api(client).get("/api/tasks").status());
    }
}
