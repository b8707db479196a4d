package org.callcentre.crm.live;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.websocket.WebSocketClient;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Micronaut's access log prints whole URIs; with it switched on, the WebSocket upgrades, whose
 * URI carries an access token, must still stay out of it.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.netty.access-logger.enabled", value = "true")
class AccessLogLeavesTokensOutTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    @Client("/")
    WebSocketClient ws;
    @Inject
    TestData data;

    @Test
    void socketUpgradesAreNotAccessLogged() {
        data.reset();
        data.user("boss", "supervisor", null, null);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger accessLog = (Logger) LoggerFactory.getLogger("HTTP_ACCESS_LOGGER");
        log.start();
        accessLog.addAppender(log);
        String token;
        try {
            Api api = new Api(client);
            token = (String) api.post("/api/auth/login", Map.of("login", "boss", "password", TestData.PASSWORD)).body().get("accessToken");
            LiveClient.open(ws, "/ws/operator", token).close();
            LiveClient.open(ws, "/ws/supervisor", token).close();
            assertEquals(200, api.as(token).get("/api/operators/live").status());
            // the access line is written after the response has left, so it may trail the client
            long deadline = System.currentTimeMillis() + 5_000;
            while (!logged(log, "/api/operators/live") && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
        } finally {
            accessLog.detachAppender(log);
        }
        List<String> lines;
        synchronized (log) {
            lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("/api/operators/live")), () -> "the access log is on: " + lines);
        assertTrue(lines.stream().noneMatch(line -> line.contains("/ws/") || line.contains(token)), () -> lines.toString());
    }

    /** Logback appends under the appender's lock; read under it too. */
    private static boolean logged(ListAppender<ILoggingEvent> log, String text) {
        synchronized (log) {
            return log.list.stream().anyMatch(e -> e.getFormattedMessage().contains(text));
        }
    }
}
