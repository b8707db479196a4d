package org.callcentre.crm.presence;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.websocket.WebSocketClient;
import jakarta.inject.Inject;
import org.callcentre.crm.live.LiveClient;
import org.callcentre.crm.live.LivePushQueue;
import org.callcentre.crm.live.MangoPbx;
import org.callcentre.crm.live.Settle;
import org.callcentre.crm.telephony.mango.MangoSettings;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With a one-second wrap-up, the operator is pushed back to available when it runs out. */
@MicronautTest(transactional = false)
@Property(name = "crm.presence.wrap-up", value = "1")
class WrapUpRunsOutTest {
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

    @AfterEach
    void settle() throws InterruptedException {
        Settle.everything(data, pushes);
    }

    @Test
    void afterTheWrapUpTheOperatorIsAvailableAgain() throws Exception {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        long olgaId = data.user("olga", "operator", kazan, "101");
        data.user("boss", "supervisor", null, null);
        Api api = new Api(client);
        assertEquals(200, api.login("olga", TestData.PASSWORD).put("/api/operators/me/status", Map.of("statusWork", "working")).status());
        String bossToken = (String) api.post("/api/auth/login", Map.of("login", "boss", "password", TestData.PASSWORD)).body().get("accessToken");

        try (LiveClient supervisor = LiveClient.open(ws, "/ws/supervisor", bossToken)) {
            new MangoPbx(client, mango, mapper).playFrom("inbound-queue-answered", 0);
            for (String state : List.of("ringing", "on_call", "wrap_up", "available")) {
                Map<String, Object> pushed = supervisor.await("operator-state", m -> ((Number) m.get("operatorId")).longValue() == olgaId);
                assertEquals(state, pushed.get("liveState"));
            }
            new Wallboard(api.as(bossToken)).await(olgaId, Wallboard.liveState("available"));
        }
    }
}
