package org.callcentre.crm.live;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.websocket.WebSocketClient;
import jakarta.inject.Inject;
import org.callcentre.crm.telephony.mango.MangoSettings;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.callcentre.crm.live.LiveClient.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Recorded Mango calls played as signed webhooks; operators listen on real WebSockets. A pop goes
 * to the operator whose extension rings, and to nobody else.
 */
@MicronautTest(transactional = false)
class ScreenPopTest {
    /** Rings 101 at webhook 3, answered at 4, ended at 5–6, summary at 7. */
    static final String ANSWERED = "inbound-queue-answered";
    /** Rings 101 at webhook 2, which gives up at 3; rings 102 at 4, answered at 5, ended at 6–7, summary at 8. */
    static final String HANDED_ON = "no-answer-then-another-operator";
    /** Operator 101 dials out; nothing rings on an extension. */
    static final String OUTBOUND = "outbound-busy";
    /** Long enough for a stray message to arrive, were one sent. */
    static final Duration QUIET = Duration.ofSeconds(1);

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    @Client("/")
    WebSocketClient ws;
    @Inject
    TestData data;
    @Inject
    LivePushQueue pushes;
    @Inject
    ObjectMapper mapper;
    @Inject
    MangoSettings mango;
    MangoPbx pbx;
    Api api;
    String olga;
    String pavel;
    String boss;

    @BeforeEach
    void setUp() throws Exception {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('KZN-AVITO', ?, '+78432507713', 'avito')", kazan);
        data.user("olga", "operator", kazan, "101");
        data.user("pavel", "operator", kazan, "102");
        data.user("boss", "supervisor", null, null);
        api = new Api(client);
        olga = accessToken("olga");
        pavel = accessToken("pavel");
        boss = accessToken("boss");
        pbx = new MangoPbx(client, mango, mapper);
    }

    @AfterEach
    void settle() throws InterruptedException {
        Settle.everything(data, pushes);
    }

    @Test
    void theOperatorWhoseExtensionRingsGetsTheCallerCardAndNobodyElseDoes() throws Exception {
        Map<String, Object> order = api.as(olga).post("/api/orders", Map.of("city", "Казань", "phone", "8 916 123-45-67",
                "clientName", "Иван", "address", "ул. Баумана, 1", "typeEquipment", "стиральная машина",
                "problem", "не сливает воду", "rk", "KZN-AVITO")).data();
        long clientId = number(order.get("clientId"));
        assertEquals(201, api.as(olga).post("/api/clients/" + clientId + "/notes", Map.of("text", "Звонить после 18:00")).status());
        assertEquals(200, api.as(olga).patch("/api/clients/" + clientId, Map.of("doNotServe", true)).status());

        // An earlier call with the same client: olga dialled them and found the line busy. It is over before the
        // next call rings; the inbox applies a ringing call ahead of older entries (the fast lane), so wait for it.
        pbx.playFrom(OUTBOUND, 0);
        Eventually.until("the earlier call stored as busy", () -> data.count(
                "calls WHERE external_id = '" + pbx.entryId(OUTBOUND) + "' AND status = 'busy'") == 1);

        try (LiveClient ringing = LiveClient.open(ws, "/ws/operator", olga);
             LiveClient other = LiveClient.open(ws, "/ws/operator", pavel)) {
            pbx.play(ANSWERED, 0, 4);

            Map<String, Object> pop = ringing.await("screen-pop", m -> pbx.entryId(ANSWERED).equals(call(m).get("externalId")));
            assertEquals("+79161234567", call(pop).get("phoneClient"));
            assertEquals("ringing", call(pop).get("status"));
            assertEquals(clientId, number(call(pop).get("clientId")));
            Map<String, Object> client = map(pop.get("client"));
            assertEquals(clientId, number(client.get("id")));
            assertEquals(List.of("+79161234567"), client.get("phones"));
            assertEquals("Звонить после 18:00", map(list(client.get("notes")).get(0)).get("text"));
            assertEquals(true, client.get("doNotServe"), "the operator is warned before answering");
            assertEquals(false, client.get("vip"));
            Map<String, Object> campaign = map(pop.get("campaign"));
            assertEquals("KZN-AVITO", campaign.get("rk"));
            assertEquals("Казань", campaign.get("city"));
            assertEquals("avito", campaign.get("source"));
            List<Object> openOrders = list(pop.get("openOrders"));
            assertEquals(1, openOrders.size());
            assertEquals(number(order.get("id")), number(map(openOrders.get(0)).get("id")));
            assertEquals("new", map(openOrders.get(0)).get("status"));
            List<Object> recentCalls = list(pop.get("recentCalls"));
            assertEquals(1, recentCalls.size(), "the earlier call, not the ringing one: " + recentCalls);
            assertEquals("busy", map(recentCalls.get(0)).get("status"));
            assertEquals("outbound", map(recentCalls.get(0)).get("direction"));

            assertEquals(List.of(), other.receivedWithin(QUIET), "operator 102 hears nothing of a call ringing on 101");
        }
    }

    @Test
    void theOperatorWhoGotThePopHearsOfTheAnswerAndTheEnd() throws Exception {
        try (LiveClient ringing = LiveClient.open(ws, "/ws/operator", olga);
             LiveClient other = LiveClient.open(ws, "/ws/operator", pavel)) {
            pbx.play(ANSWERED, 0, 4);
            Map<String, Object> pop = ringing.await("screen-pop", m -> true);
            Object callId = call(pop).get("id");

            pbx.play(ANSWERED, 4, 5);
            Map<String, Object> answered = ringing.await("call-updated", m -> "answered".equals(call(m).get("status")));
            assertEquals(callId, call(answered).get("id"));
            assertEquals("User olga", ((Map<?, ?>) call(answered).get("operator")).get("name"));

            pbx.playFrom(ANSWERED, 5);
            Map<String, Object> ended = ringing.await("call-updated", m -> call(m).get("endedAt") != null && number(call(m).get("talkSeconds")) == 95);
            assertEquals(callId, call(ended).get("id"));

            assertEquals(List.of(), other.receivedWithin(QUIET));
        }
    }

    @Test
    void aCallRoutedFromTheIvrByACommandPopsAndIsAnswered() throws Exception {
        // Mango puts the route command's command_id on the inbound leg (issue 18): it is still a ring
        try (LiveClient ringing = LiveClient.open(ws, "/ws/operator", olga)) {
            pbx.playFrom("routed-from-ivr", 0);
            Map<String, Object> pop = ringing.await("screen-pop", m -> pbx.entryId("routed-from-ivr").equals(call(m).get("externalId")));
            Object callId = call(pop).get("id");
            Map<String, Object> ended = ringing.await("call-updated", m -> callId.equals(call(m).get("id")) && call(m).get("endedAt") != null);
            assertEquals("answered", call(ended).get("status"));
            assertEquals("inbound", call(ended).get("direction"));
        }
    }

    @Test
    void eachOperatorRungGetsTheirOwnPopAndBothFollowTheCall() throws Exception {
        try (LiveClient first = LiveClient.open(ws, "/ws/operator", olga);
             LiveClient second = LiveClient.open(ws, "/ws/operator", pavel)) {
            pbx.play(HANDED_ON, 0, 3);
            Object callId = call(first.await("screen-pop", m -> true)).get("id");

            pbx.play(HANDED_ON, 3, 5);
            assertEquals(callId, call(second.await("screen-pop", m -> true)).get("id"));
            first.await("call-updated", m -> callId.equals(call(m).get("id")));

            pbx.playFrom(HANDED_ON, 5);
            for (LiveClient operator : List.of(first, second)) {
                Map<String, Object> ended = operator.await("call-updated", m -> call(m).get("endedAt") != null);
                assertEquals("User pavel", ((Map<?, ?>) call(ended).get("operator")).get("name"));
            }
        }
    }

    @Test
    void supervisorsHearOfEveryCallOperatorsOnlyOfTheirOwnPops() throws Exception {
        String admin = accessToken(loginOf(data.user("root", "admin", null, null)));
        try (LiveClient supervisor = LiveClient.open(ws, "/ws/supervisor", boss);
             LiveClient administrator = LiveClient.open(ws, "/ws/supervisor", admin);
             LiveClient operator = LiveClient.open(ws, "/ws/operator", olga)) {
            pbx.playFrom(ANSWERED, 0);
            pbx.playFrom(OUTBOUND, 0);

            for (LiveClient watcher : List.of(supervisor, administrator)) {
                // the two calls' ends may be pushed in either order (batches commit independently)
                Set<Object> notEnded = new HashSet<>(List.of(pbx.entryId(ANSWERED), pbx.entryId(OUTBOUND)));
                while (!notEnded.isEmpty()) {
                    Map<String, Object> last = watcher.await("call-updated",
                            m -> notEnded.contains(call(m).get("externalId")) && call(m).get("endedAt") != null);
                    assertNotNull(call(last).get("status"));
                    notEnded.remove(call(last).get("externalId"));
                }
            }
            operator.await("screen-pop", m -> pbx.entryId(ANSWERED).equals(call(m).get("externalId")));
            operator.await("call-updated", m -> pbx.entryId(ANSWERED).equals(call(m).get("externalId")) && call(m).get("endedAt") != null);
            assertEquals(List.of(), operator.receivedWithin(QUIET).stream()
                    .filter(m -> pbx.entryId(OUTBOUND).equals(call(m).get("externalId"))).toList(),
                    "an outbound call rings no extension, so it pops nothing");
        }
    }

    private String loginOf(long userId) {
        return data.db().queryOne("SELECT login FROM operators WHERE id = ?", rs -> rs.getString(1), userId).orElseThrow();
    }

    private String accessToken(String login) {
        return (String) api.post("/api/auth/login", Map.of("login", login, "password", TestData.PASSWORD)).body().get("accessToken");
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
