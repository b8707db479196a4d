package org.callcentre.crm.asr;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed job's error names files, hosts and the PBX's answers: operators and supervisors read a plain reason, the
 * admin the error itself; {@code /health}, whose details every signed-in user reads, names no integration host.
 */
@MicronautTest(transactional = false)
@Property(name = "crm.ai.llm.url", value = "http://llm.internal.example:8080/v1")
class InternalDetailsStayWithAdminsTest {
    private static final String ERROR = "GET http://10.0.0.5/recordings/2026/a.mp3 answered 404; kept /var/lib/crm/recordings/tmp-1.part";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    long callId;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", kazan, "101");
        data.user("sveta", "supervisor", null, null);
        data.user("root", "admin", null, null);
        callId = data.db().insert("INSERT INTO calls (source, external_id, city_id, direction, status, created_at, ended_at) "
                + "VALUES ('mango', 'failed-fetch', ?, 'inbound', 'answered', now(), now()) RETURNING id", kazan);
        data.db().update("INSERT INTO call_jobs (call_id, kind, status, attempts, last_error) VALUES (?, 'fetch_recording', 'failed', 5, ?)",
                callId, ERROR);
    }

    private String lastError(String login) {
        Map<String, Object> view = new Api(client).login(login, TestData.PASSWORD).get("/api/calls/" + callId + "/transcript").data();
        return (String) ((Map<?, ?>) ((List<?>) view.get("jobs")).get(0)).get("lastError");
    }

    @Test
    void onlyTheAdminReadsAFailedJobsError() {
        for (String login : List.of("olga", "sveta")) {
            String shown = lastError(login);
            assertEquals("The recording could not be fetched; an administrator can see why", shown, login);
        }
        assertEquals(ERROR, lastError("root"));
    }

    @Test
    void healthNamesNoIntegrationHost() {
        String token = (String) new Api(client).post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD))
                .body().get("accessToken");
        String health;
        try {
            health = client.toBlocking().retrieve(HttpRequest.GET("/health").bearerAuth(token));
        } catch (HttpClientResponseException down) {
            health = down.getResponse().getBody(String.class).orElse("");
        }
        assertTrue(health.contains("\"llm\""), "the details are shown to a signed-in user: " + health);
        assertFalse(health.contains("llm.internal.example"), health);
    }
}
