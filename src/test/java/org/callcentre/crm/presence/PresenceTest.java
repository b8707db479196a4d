package org.callcentre.crm.presence;

import io.micronaut.context.ApplicationContext;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.callcentre.crm.presence.Wallboard.liveState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Operators' live state as recorded Mango calls (real signed webhooks) go on: on the wallboard
 * ({@code GET /api/operators/live}) and pushed to supervisors on {@code /ws/supervisor}.
 */
@MicronautTest(transactional = false)
class PresenceTest {
    /** Rings 101 at webhook 3, answered at 4, 101's leg ends at 5, the call at 6, summary at 7. */
    static final String ANSWERED = "inbound-queue-answered";
    /** 101 answers at webhook 3, holds, transfers to 103 (rings at 6), 101's leg ends at 7, 103 answers at 8. */
    static final String TRANSFER = "blind-transfer";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    @Client("/")
    WebSocketClient ws;
    @Inject
    TestData data;
    @Inject
    ApplicationContext context;
    @Inject
    LivePushQueue pushes;
    @Inject
    ObjectMapper mapper;
    @Inject
    MangoSettings mango;
    MangoPbx pbx;
    Api api;
    Wallboard wallboard;
    long olgaId;
    long veraId;
    long ivanId;
    String olga;
    String vera;
    String ivan;
    String boss;

    @BeforeEach
    void setUp() throws Exception {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('KZN-AVITO', ?, '+78432507713', 'avito')", kazan);
        olgaId = data.user("olga", "operator", kazan, "101");
        veraId = data.user("vera", "operator", kazan, "103");
        // No recorded call reaches 109: ivan's live state is his work status alone.
        ivanId = data.user("ivan", "operator", kazan, "109");
        data.user("boss", "supervisor", null, null);
        api = new Api(client);
        olga = accessToken("olga");
        vera = accessToken("vera");
        ivan = accessToken("ivan");
        boss = accessToken("boss");
        wallboard = new Wallboard(api.as(boss));
        pbx = new MangoPbx(client, mango, mapper);
    }

    @AfterEach
    void settle() throws InterruptedException {
        Settle.everything(data, pushes);
    }

    @Test
    void theWallboardFollowsACallFromRingingToOnCallToWrapUp() throws Exception {
        work(olga, "working");
        try (LiveClient supervisor = LiveClient.open(ws, "/ws/supervisor", boss)) {
            pbx.play(ANSWERED, 0, 4);
            Map<String, Object> ringing = wallboard.await(olgaId, liveState("ringing"));
            Object callId = ringing.get("callId");
            assertEquals(data.db().queryLong("SELECT id FROM calls WHERE external_id = ?", pbx.entryId(ANSWERED)), number(callId));
            assertEquals("User olga", ringing.get("name"));
            assertEquals("101", ringing.get("sipAddress"));
            assertEquals("Казань", ringing.get("city"));
            assertEquals("working", ringing.get("statusWork"));
            assertNotNull(ringing.get("since"));

            pbx.play(ANSWERED, 4, 5);
            assertEquals(callId, wallboard.await(olgaId, liveState("on_call")).get("callId"));

            pbx.playFrom(ANSWERED, 5);
            assertEquals(callId, wallboard.await(olgaId, liveState("wrap_up")).get("callId"));

            for (String state : List.of("ringing", "on_call", "wrap_up")) {
                Map<String, Object> pushed = supervisor.await("operator-state", m -> number(m.get("operatorId")) == olgaId);
                assertEquals(state, pushed.get("liveState"), "pushed in the order they happened");
                assertEquals("working", pushed.get("statusWork"));
            }
        }
    }

    @Test
    void anOperatorOnACallIsOnCallWhateverStatusTheyChoose() throws Exception {
        work(olga, "working");
        try (LiveClient supervisor = LiveClient.open(ws, "/ws/supervisor", boss)) {
            pbx.play(ANSWERED, 0, 5);
            wallboard.await(olgaId, liveState("on_call"));

            work(olga, "break");
            Map<String, Object> row = wallboard.row(olgaId);
            assertEquals("on_call", row.get("liveState"));
            assertEquals("break", row.get("statusWork"));
            Map<String, Object> pushed = supervisor.await("operator-state",
                    m -> number(m.get("operatorId")) == olgaId && "break".equals(m.get("statusWork")));
            assertEquals("on_call", pushed.get("liveState"));

            pbx.playFrom(ANSWERED, 5);
            assertEquals("break", wallboard.await(olgaId, liveState("wrap_up")).get("statusWork"));
        }
    }

    @Test
    void aTransferPutsTheFirstOperatorInWrapUpAndTheSecondOnTheCall() throws Exception {
        pbx.play(TRANSFER, 0, 4);
        wallboard.await(olgaId, liveState("on_call"));
        pbx.play(TRANSFER, 4, 7);
        wallboard.await(veraId, liveState("ringing"));
        assertEquals("on_call", wallboard.row(olgaId).get("liveState"), "101 talks until its leg ends");
        pbx.play(TRANSFER, 7, 9);
        wallboard.await(veraId, liveState("on_call"));
        assertEquals("wrap_up", wallboard.row(olgaId).get("liveState"));
        pbx.playFrom(TRANSFER, 9);
        wallboard.await(veraId, liveState("wrap_up"));
    }

    @Test
    void aRestartedServerStillShowsTheOperatorOnTheCall() throws Exception {
        pbx.play(ANSWERED, 0, 5);
        wallboard.await(olgaId, liveState("on_call"));
        // The recording carries its PBX times from 2025; a call going on now began now.
        data.db().update("UPDATE calls SET created_at = now() WHERE external_id = ?", pbx.entryId(ANSWERED));

        Presence restarted = context.createBean(Presence.class);
        assertEquals("offline", restarted.ofOperator(olgaId).orElseThrow().liveState(), "nothing in memory yet");
        assertEquals(Set.of("101"), restarted.recover());
        assertEquals("on_call", restarted.ofOperator(olgaId).orElseThrow().liveState());

        pbx.playFrom(ANSWERED, 5);
    }

    @Test
    void aWorkStatusChangeIsPushedToSupervisors() throws Exception {
        try (LiveClient supervisor = LiveClient.open(ws, "/ws/supervisor", boss)) {
            work(ivan, "working");
            Map<String, Object> working = supervisor.await("operator-state", m -> number(m.get("operatorId")) == ivanId);
            assertEquals("working", working.get("statusWork"));
            assertEquals("available", working.get("liveState"));
            assertNull(working.get("callId"));
            assertNotNull(working.get("since"), "since the status was chosen");

            work(ivan, "break");
            assertEquals("break", supervisor.await("operator-state", m -> number(m.get("operatorId")) == ivanId).get("liveState"));
            work(ivan, "offline");
            assertEquals("offline", supervisor.await("operator-state", m -> number(m.get("operatorId")) == ivanId).get("liveState"));
            assertEquals("offline", wallboard.row(ivanId).get("liveState"));
        }
    }

    @Test
    void onlySupervisorsAndAdminsSeeTheWallboard() {
        data.user("root", "admin", null, null);
        assertEquals(200, api.as(boss).get("/api/operators/live").status());
        assertEquals(200, api.as(accessToken("root")).get("/api/operators/live").status());
        assertEquals(403, api.as(olga).get("/api/operators/live").status());
        assertEquals(401, api.get("/api/operators/live").status());
    }

    private void work(String token, String statusWork) {
        assertEquals(200, api.as(token).put("/api/operators/me/status", Map.of("statusWork", statusWork)).status());
    }

    private String accessToken(String login) {
        return (String) api.post("/api/auth/login", Map.of("login", login, "password", TestData.PASSWORD)).body().get("accessToken");
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
