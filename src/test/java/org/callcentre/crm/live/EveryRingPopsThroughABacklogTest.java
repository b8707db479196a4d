package org.callcentre.crm.live;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.websocket.WebSocketClient;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.callcentre.crm.live.EveryRingPopsTest.CALLS;
import static org.callcentre.crm.live.EveryRingPopsTest.LINE;
import static org.callcentre.crm.live.EveryRingPopsTest.entryId;
import static org.callcentre.crm.live.EveryRingPopsTest.leg;
import static org.callcentre.crm.live.LiveClient.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rings and hang-ups of many calls while every push waits in a backlog (the calls of {@link EveryRingPopsTest}). */
@MicronautTest(transactional = false)
class EveryRingPopsThroughABacklogTest {
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

    /**
     * The push threads are held (as by a slow push) while the rings and then the hang-ups of many
     * calls are stored, so that every push waits in a backlog: once they go on, every operator gets
     * the pop of the ring (as it was, ringing), and the supervisor the last state of every call —
     * updates waiting together for one call are pushed as its newest one, never lost.
     */
    @Test
    void everyRingPopsAndEveryCallsLastStateReachesTheSupervisorThoughThePushesHadABacklog() throws Exception {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('KZN-AVITO', ?, '+78432507713', 'avito')", kazan);
        Api api = new Api(client);
        MangoWebhooks mango = new MangoWebhooks(client, data.db());
        List<LiveClient> operators = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            String extension = String.valueOf(201 + i);
            data.user("op" + extension, "operator", kazan, extension);
        }
        data.user("boss", "supervisor", null, null);
        try (LiveClient supervisor = LiveClient.open(ws, "/ws/supervisor", token(api, "boss"))) {
            for (int i = 0; i < CALLS; i++) {
                operators.add(LiveClient.open(ws, "/ws/operator", token(api, "op" + (201 + i))));
            }
            long t = 1_740_823_200L;
            List<String> rings = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                rings.add(leg(i, "A", 1, t, "Appeared", "{\"number\":\"" + LINE + "\",\"line_number\":\"" + LINE + "\"}"));
                rings.add(leg(i, "A", 2, t + 1, "Appeared", "{\"number\":\"" + LINE + "\",\"line_number\":\"" + LINE + "\",\"acd_group\":\"100\"}"));
                rings.add(leg(i, "B", 3, t + 2, "Appeared", "{\"extension\":\"" + (201 + i) + "\",\"number\":\"sip:" + (201 + i)
                        + "@vpbx400000000.mangosip.ru\",\"line_number\":\"" + LINE + "\"}"));
            }
            whileThePushesAreHeld(mango, rings);
            for (int i = 0; i < CALLS; i++) {
                String entryId = entryId(i);
                Map<String, Object> pop = operators.get(i).await("screen-pop", m -> entryId.equals(call(m).get("externalId")));
                assertEquals("ringing", call(pop).get("status"));
            }

            List<String> ends = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                ends.add(leg(i, "B", 4, t + 5, "Disconnected", "{\"extension\":\"" + (201 + i) + "\",\"line_number\":\"" + LINE + "\"}"));
                ends.add(leg(i, "A", 5, t + 5, "Disconnected", "{\"number\":\"" + LINE + "\",\"line_number\":\"" + LINE + "\"}"));
            }
            whileThePushesAreHeld(mango, ends);
            // the calls' updates reach the supervisor in no promised order: gathered until every call has ended
            Set<Object> endedSeen = new HashSet<>();
            supervisor.await("call-updated", m -> {
                if (call(m).get("endedAt") != null) {
                    endedSeen.add(call(m).get("externalId"));
                }
                return endedSeen.size() == CALLS;
            });
            for (int i = 0; i < CALLS; i++) {
                String entryId = entryId(i);
                operators.get(i).await("call-updated", m -> entryId.equals(call(m).get("externalId")) && call(m).get("endedAt") != null);
            }
        } finally {
            operators.forEach(LiveClient::close);
        }
    }

    /** Posts the webhooks (in order) while every push thread waits, until all are stored; then lets the pushes go. */
    private void whileThePushesAreHeld(MangoWebhooks mango, List<String> webhooks) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        // more keys than push threads: every thread gets a held task
        for (long key = 0; key < 64; key++) {
            pushes.submit(key, "held", () -> {
                try {
                    held.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            for (String json : webhooks) {
                assertEquals(200, mango.post("events/call", json));
            }
            Eventually.until("the webhooks are stored",
                    () -> data.db().queryLong("SELECT count(*) FROM telephony_inbox WHERE processed_at IS NULL") == 0);
        } finally {
            held.countDown();
        }
    }

    private static String token(Api api, String login) {
        return (String) api.post("/api/auth/login", Map.of("login", login, "password", TestData.PASSWORD)).body().get("accessToken");
    }

}
