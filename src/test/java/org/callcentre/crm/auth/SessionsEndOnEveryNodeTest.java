package org.callcentre.crm.auth;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketClient;
import org.callcentre.crm.live.LiveClient;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes on one PostgreSQL, each holding WebSockets of the same users. When an admin on one node
 * changes a user's city or role, blocks them, or the user logs out everywhere, the user's sockets close
 * on both nodes and the other node refuses their old access token at once: its cached token version is
 * dropped by the cluster bus, not left to expire (the cache here keeps entries for an hour).
 */
class SessionsEndOnEveryNodeTest {
    private final List<AutoCloseable> opened = new ArrayList<>();
    private EmbeddedServer first;
    private EmbeddedServer second;
    private TestData data;
    private long olga;
    private long sveta;

    @BeforeEach
    void startTwoNodes() {
        first = node();
        second = node();
        data = first.getApplicationContext().getBean(TestData.class);
        data.reset();
        data.user("root", "admin", null, null);
        long kazan = data.city("Казань", "Europe/Moscow");
        data.city("Самара", "Europe/Samara");
        olga = data.user("olga", "operator", kazan, "101");
        sveta = data.user("sveta", "supervisor", null, null);
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private EmbeddedServer node() {
        EmbeddedServer node = ApplicationContext.builder("test")
                .properties(Map.of("crm.cluster.enabled", "true", "crm.cluster.check-interval", "300ms",
                        "crm.auth.token-version-cache", "1h"))
                .run(EmbeddedServer.class);
        opened.add(node.getApplicationContext());
        return node;
    }

    private Api api(EmbeddedServer node) {
        HttpClient http = node.getApplicationContext().createBean(HttpClient.class, node.getURL());
        opened.add(http);
        return new Api(http);
    }

    private LiveClient socket(EmbeddedServer node, String path, String token) {
        WebSocketClient ws = node.getApplicationContext().createBean(WebSocketClient.class, node.getURI());
        opened.add(ws);
        LiveClient client = LiveClient.open(ws, path, token);
        opened.add(client);
        return client;
    }

    private static String token(Api api, String login) {
        Api.Reply reply = api.post("/api/auth/login", Map.of("login", login, "password", TestData.PASSWORD));
        assertEquals(200, reply.status(), reply.toString());
        return (String) reply.body().get("accessToken");
    }

    private static void assertClosedAsEnded(LiveClient socket, String which) throws Exception {
        CloseReason reason = socket.awaitClose();
        assertEquals(CloseReason.POLICY_VIOLATION.getCode(), reason.getCode(), which + ": " + reason);
    }

    @Test
    void aCityChangeOnOneNodeClosesTheUsersSocketsOnBothAndTheOtherNodeRefusesTheOldToken() throws Exception {
        Api onFirst = api(first);
        Api onSecond = api(second);
        String olgas = token(onFirst, "olga");
        assertEquals(200, onSecond.as(olgas).get("/api/operators/me").status(), "the second node caches olga's version");
        LiveClient here = socket(first, "/ws/operator", olgas);
        LiveClient there = socket(second, "/ws/operator", olgas);
        String svetas = token(onSecond, "sveta");

        assertEquals(200, onFirst.as(token(onFirst, "root")).patch("/api/operators/" + olga, Map.of("city", "Самара")).status());

        assertClosedAsEnded(here, "olga's socket on the node that made the change");
        assertClosedAsEnded(there, "olga's socket on the other node");
        Eventually.until("the other node refuses the token of the old city",
                () -> onSecond.as(olgas).get("/api/operators/me").status() == 401);
        assertEquals(200, onSecond.as(svetas).get("/api/operators/me").status(), "another user's session goes on");
    }

    @Test
    void aDemotedSupervisorStopsHearingEveryCallOnEveryNode() throws Exception {
        Api onFirst = api(first);
        String svetas = token(onFirst, "sveta");
        LiveClient there = socket(second, "/ws/supervisor", svetas);
        LiveClient here = socket(first, "/ws/operator", svetas);

        assertEquals(200, api(second).as(token(api(second), "root"))
                .patch("/api/operators/" + sveta, Map.of("role", "operator", "city", "Казань")).status());

        assertClosedAsEnded(there, "the supervisor socket on the node that made the change");
        assertClosedAsEnded(here, "the operator socket on the other node");
        Eventually.until("the other node refuses the supervisor's token",
                () -> onFirst.as(svetas).get("/api/operators/me").status() == 401);
    }

    @Test
    void blockingAndLoggingOutEverywhereCloseTheSocketsOnTheOtherNode() throws Exception {
        Api onFirst = api(first);
        Api onSecond = api(second);
        String olgas = token(onFirst, "olga");
        LiveClient blocked = socket(second, "/ws/operator", olgas);
        assertEquals(200, onFirst.as(token(onFirst, "root")).patch("/api/operators/" + olga, Map.of("status", "inactive")).status());
        assertClosedAsEnded(blocked, "a blocked operator's socket");

        String svetas = token(onSecond, "sveta");
        LiveClient elsewhere = socket(first, "/ws/supervisor", svetas);
        assertEquals(200, onSecond.as(svetas).post("/api/auth/logout-all", Map.of()).status());
        assertClosedAsEnded(elsewhere, "the socket on the other node of a user who logged out everywhere");
    }
}
