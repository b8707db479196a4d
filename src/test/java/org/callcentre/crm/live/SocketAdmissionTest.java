package org.callcentre.crm.live;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketClient;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Who may open /ws/operator and /ws/supervisor, checked on the token in the query string. */
@MicronautTest(transactional = false)
class SocketAdmissionTest {
    static final List<String> SOCKETS = List.of("/ws/operator", "/ws/supervisor");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    @Client("/")
    WebSocketClient ws;
    @Inject
    TestData data;
    @Inject
    TokenGenerator tokens;
    long olgaId;
    String olga;
    String boss;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        olgaId = data.user("olga", "operator", kazan, "101");
        data.user("boss", "supervisor", null, null);
        Api api = new Api(client);
        olga = (String) api.post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD)).body().get("accessToken");
        boss = (String) api.post("/api/auth/login", Map.of("login", "boss", "password", TestData.PASSWORD)).body().get("accessToken");
    }

    @Test
    void eachSocketAdmitsItsRoles() {
        LiveClient.open(ws, "/ws/operator", olga).close();
        LiveClient.open(ws, "/ws/operator", boss).close();
        LiveClient.open(ws, "/ws/supervisor", boss).close();
    }

    @Test
    void anOperatorCannotOpenTheSupervisorSocket() throws Exception {
        assertRefused("/ws/supervisor", olga);
    }

    @Test
    void noTokenOrABadOneIsRefused() throws Exception {
        String forged = olga.substring(0, olga.length() - 4) + (olga.endsWith("AAAA") ? "BBBB" : "AAAA");
        String expired = token(Instant.now().minus(Duration.ofHours(1)));
        for (String socket : SOCKETS) {
            assertRefused(socket, null);
            assertRefused(socket, "");
            assertRefused(socket, "not-a-jwt");
            assertRefused(socket, forged);
            assertRefused(socket, expired);
        }
    }

    @Test
    void anOpenSocketIsClosedWhenItsTokenExpires() throws Exception {
        try (LiveClient socket = LiveClient.open(ws, "/ws/operator", token(Instant.now().plusSeconds(2)))) {
            assertEquals(CloseReason.POLICY_VIOLATION.getCode(), socket.awaitClose().getCode());
        }
    }

    @Test
    void theTokenInTheQueryStringIsNeverLogged() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            LiveClient.open(ws, "/ws/operator", olga).close();
            assertRefused("/ws/supervisor", olga);
            assertRefused("/ws/operator", olga + "x");
        } finally {
            root.detachAppender(log);
        }
        for (ILoggingEvent event : new ArrayList<>(log.list)) {
            assertFalse(text(event).contains(olga), () -> "logged: " + text(event));
        }
    }

    private void assertRefused(String socket, String token) throws Exception {
        LiveClient refused = LiveClient.connect(ws, socket, token);
        assertEquals(CloseReason.POLICY_VIOLATION.getCode(), refused.awaitClose().getCode(), socket);
        assertEquals(List.of(), refused.receivedWithin(Duration.ZERO), "a refused socket is told nothing");
    }

    /** A correctly signed token for olga, expiring at {@code expiry}. */
    private String token(Instant expiry) {
        return tokens.generateToken(Map.of("sub", "olga", "roles", List.of("operator"), "uid", olgaId,
                "iat", Instant.now().getEpochSecond(), "exp", expiry.getEpochSecond())).orElseThrow();
    }

    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        return text.toString();
    }
}
