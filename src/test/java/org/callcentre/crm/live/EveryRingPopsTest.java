package org.callcentre.crm.live;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.websocket.WebSocketClient;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.callcentre.crm.live.LiveClient.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many calls ringing at once, their webhooks interleaved and posted side by side over signed Mango
 * HTTP, each ringing a different operator who has had a real WebSocket open for a while: every ring
 * gets its pop. The server drops a connection it has read nothing from for its read-idle timeout
 * (Micronaut's default is five minutes; short here), and an operator's browser only listens, so
 * without the server's pings a quiet operator's next pop went nowhere — the rings a long load run
 * lost were those of operators whose socket had been quiet the longest.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.read-idle-timeout", value = "2s")
@Property(name = "micronaut.server.idle-timeout", value = "2s")
@Property(name = "crm.live.ping-interval", value = "300ms")
class EveryRingPopsTest {
    static final int CALLS = 12;
    static final String LINE = "78432507713";

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

    @AfterEach
    void settle() throws InterruptedException {
        Settle.everything(data, pushes);
    }

    @Test
    void everyRingToAConnectedOperatorPopsThoughTheSocketWasQuietLongerThanTheIdleTimeout() throws Exception {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('KZN-AVITO', ?, '+78432507713', 'avito')", kazan);
        Api api = new Api(client);
        MangoWebhooks mango = new MangoWebhooks(client, data.db());
        List<LiveClient> operators = new ArrayList<>();
        ExecutorService posting = Executors.newFixedThreadPool(6);
        try {
            for (int i = 0; i < CALLS; i++) {
                String extension = String.valueOf(201 + i);
                data.user("op" + extension, "operator", kazan, extension);
                String token = (String) api.post("/api/auth/login", Map.of("login", "op" + extension, "password", TestData.PASSWORD))
                        .body().get("accessToken");
                operators.add(LiveClient.open(ws, "/ws/operator", token));
            }
            // Longer than the server's read-idle timeout: the sockets have received "connected" and nothing since.
            Thread.sleep(3_000);

            long t = 1_740_823_200L;
            List<String> webhooks = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                webhooks.add(leg(i, "A", 1, t, "Appeared", "{\"number\":\"" + LINE + "\",\"line_number\":\"" + LINE + "\"}"));
            }
            for (int i = 0; i < CALLS; i++) {
                webhooks.add(leg(i, "A", 2, t + 1, "Appeared", "{\"number\":\"" + LINE + "\",\"line_number\":\"" + LINE + "\",\"acd_group\":\"100\"}"));
                webhooks.add(leg(i, "B", 3, t + 2, "Appeared", "{\"extension\":\"" + (201 + i) + "\",\"number\":\"sip:" + (201 + i)
                        + "@vpbx400000000.mangosip.ru\",\"line_number\":\"" + LINE + "\"}"));
            }
            List<Future<Integer>> answers = new ArrayList<>();
            for (String json : webhooks) {
                answers.add(posting.submit(() -> mango.post("events/call", json)));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }

            for (int i = 0; i < CALLS; i++) {
                String entryId = entryId(i);
                Map<String, Object> pop = operators.get(i).await("screen-pop", m -> entryId.equals(call(m).get("externalId")));
                assertEquals("ringing", call(pop).get("status"));
                assertEquals("+7916555" + String.format("%04d", i), call(pop).get("phoneClient"));
            }

            List<Future<Integer>> ends = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                String b = leg(i, "B", 4, t + 5, "Disconnected", "{\"extension\":\"" + (201 + i) + "\",\"line_number\":\"" + LINE + "\"}");
                String a = leg(i, "A", 5, t + 5, "Disconnected", "{\"number\":\"" + LINE + "\",\"line_number\":\"" + LINE + "\"}");
                ends.add(posting.submit(() -> mango.post("events/call", b)));
                ends.add(posting.submit(() -> mango.post("events/call", a)));
            }
            for (Future<Integer> end : ends) {
                assertEquals(200, end.get());
            }
        } finally {
            posting.shutdownNow();
            operators.forEach(LiveClient::close);
        }
    }

    static String entryId(int call) {
        return "ring-at-once-" + call;
    }

    static String leg(int call, String leg, int seq, long timestamp, String state, String to) {
        return """
                {"entry_id":"%s","call_id":"%s-%s","timestamp":%d,"seq":%d,"call_state":"%s","location":"%s",\
                "from":{"number":"7916555%04d"},"to":%s%s}""".formatted(entryId(call), entryId(call), leg, timestamp, seq, state,
                "B".equals(leg) ? "abonent" : "queue", call, to, "Disconnected".equals(state) ? ",\"disconnect_reason\":1110" : "");
    }
}
