package org.callcentre.crm.websecurity;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "crm.webhooks.max-body-size", value = "4KB")
@Property(name = "crm.webhooks.requests-per-second", value = "0.01")
@Property(name = "crm.webhooks.burst", value = "3")
@Property(name = "crm.webhooks.sources.leads.burst", value = "5")
class WebhookLimitsTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    private HttpResponse<?> form(String path, String body) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE),
                    String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    private HttpResponse<?> json(String path) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST(path, Map.of("externalId", "web-1")), String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @Test
    void eachSourceHasItsOwnBudgetAndPathsNotYetRoutedAreLimitedToo() {
        for (int i = 0; i < 3; i++) {
            assertNotEquals(429, form("/integrations/mango/events/call", "vpbx_api_key=x&sign=y&json={}").code());
        }
        HttpResponse<?> limited = form("/integrations/mango/events/summary", "vpbx_api_key=x&sign=y&json={}");
        assertEquals(429, limited.code());
        assertTrue(Long.parseLong(limited.getHeaders().get("Retry-After")) > 0);

        // Avito's own budget, whether or not its controller exists yet
        for (int i = 0; i < 3; i++) {
            assertNotEquals(429, form("/integrations/avito/webhook", "a=b").code());
        }
        assertEquals(429, form("/integrations/avito/webhook", "a=b").code());

        // the website's leads: its own, larger, burst
        for (int i = 0; i < 5; i++) {
            assertEquals(401, json("/api/integrations/leads").code(), "no key: refused by the key check, not the limit");
        }
        assertEquals(429, json("/api/integrations/leads").code());
        assertEquals(0, data.count("telephony_inbox"));
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() {
        HttpResponse<?> response = form("/integrations/mango/events/call", "json=" + "x".repeat(5000));
        assertEquals(413, response.code());
        assertEquals(0, data.count("telephony_inbox"));
    }

    @Test
    void theLimitsLeaveTheRestOfTheApiAlone() {
        for (int i = 0; i < 10; i++) {
            assertEquals(400, status(HttpRequest.POST("/api/auth/login", Map.of("login", "x"))), "a 400 naming password, never a 429");
        }
    }

    private int status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
