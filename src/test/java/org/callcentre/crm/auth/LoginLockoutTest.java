package org.callcentre.crm.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defaults: 5 failures per login, 30 per address, inside 15 minutes. */
@MicronautTest(transactional = false)
class LoginLockoutTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    @Inject
    AuthService auth;

    @BeforeEach
    void setUp() {
        data.reset();
        long city = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", city, "101");
        data.user("sveta", "operator", city, "102");
        api = new Api(client);
    }

    private int attempt(String login, String password) {
        return api.post("/api/auth/login", Map.of("login", login, "password", password)).status();
    }

    private long audited(String action, String login) {
        return data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = ? AND actor_login = ?", action, login);
    }

    @Test
    void fiveFailuresLockTheLoginEvenForTheRightPasswordAndEveryAttemptIsRecorded() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, attempt("olga", "wrong-password-" + i));
        }
        HttpClientResponseException locked = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD))));
        HttpResponse<?> response = locked.getResponse();
        assertEquals(429, response.code());
        long retryAfter = Long.parseLong(response.getHeaders().get("Retry-After"));
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        assertEquals(5, audited("login_failed", "olga"));
        assertEquals(1, audited("login_locked", "olga"));
        assertEquals(0, audited("login", "olga"));
        // another login from the same address is not locked by olga's failures
        assertEquals(200, attempt("sveta", TestData.PASSWORD));
    }

    @Test
    void theLockLiftsWhenTheFailuresLeaveTheWindow() {
        for (int i = 0; i < 5; i++) {
            attempt("olga", "wrong-password-" + i);
        }
        assertEquals(429, attempt("olga", TestData.PASSWORD));
        data.db().update("UPDATE audit_log SET at = at - interval '15 minutes 1 second'");
        assertEquals(200, attempt("olga", TestData.PASSWORD));
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            assertEquals(401, attempt("olga", "wrong-password-" + i));
        }
        assertEquals(200, attempt("olga", TestData.PASSWORD));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, attempt("olga", "wrong-password-" + i));
        }
        assertEquals(200, attempt("olga", TestData.PASSWORD));
    }

    @Test
    void unknownLoginsAreCountedAndLockedToo() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, attempt("nobody", "wrong-password-" + i));
        }
        assertEquals(429, attempt("nobody", "wrong-password-x"));
        assertEquals(5, audited("login_failed", "nobody"));
    }

    @Test
    void thirtyFailuresFromOneAddressLockThatAddressForEveryLogin() {
        for (int i = 0; i < 30; i++) {
            assertEquals(401, attempt("guess" + i, "wrong-password"));
        }
        assertEquals(429, attempt("sveta", TestData.PASSWORD));
        assertEquals(1, data.db().queryLong(
                "SELECT count(*) FROM audit_log WHERE action = 'login_locked' AND actor_login = 'sveta' AND ip = '127.0.0.1'"));
    }

    @Test
    void theRightPasswordFromACleanAddressGetsInThoughTheLoginIsLockedElsewhere() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, attempt("olga", "wrong-password-" + i));
        }
        assertEquals(429, attempt("olga", TestData.PASSWORD), "the guessing address stays locked out");

        ApiException wrong = assertThrows(ApiException.class, () -> auth.login("olga", "wrong-password-x", new ClientInfo("198.51.100.9", null)));
        assertEquals(HttpStatus.UNAUTHORIZED, wrong.status(), "a clean address's guess is checked, and counted");
        ApiException thenLocked = assertThrows(ApiException.class, () -> auth.login("olga", TestData.PASSWORD, new ClientInfo("198.51.100.9", null)));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, thenLocked.status(), "after its first failure that address is held by the lock");
        assertEquals("olga", auth.login("olga", TestData.PASSWORD, new ClientInfo("203.0.113.7", null)).user().login(), "the owner from another address");
    }

    @Test
    void attemptsWhileLockedWriteOneAuditRowPerAddressAndWindow() {
        for (int i = 0; i < 5; i++) {
            attempt("olga", "wrong-password-" + i);
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(429, attempt("olga", "guess-" + i));
        }
        assertEquals(1, audited("login_locked", "olga"));
        assertEquals(5, audited("login_failed", "olga"));
    }
}
