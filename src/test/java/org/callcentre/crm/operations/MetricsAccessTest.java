package org.callcentre.crm.operations;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** As set up behind a proxy on the same host: localhost is not trusted, the scraper sends a token. */
@MicronautTest(transactional = false)
@Property(name = "crm.metrics.allow-localhost", value = "false")
@Property(name = "crm.metrics.token", value = "scrape-secret-for-tests")
class MetricsAccessTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("root", "admin", null, null);
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        api = new Api(client);
    }

    private int scrape(String bearer) {
        MutableHttpRequest<?> request = HttpRequest.GET("/prometheus");
        if (bearer != null) {
            request.bearerAuth(bearer);
        }
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private String accessToken(String login) {
        return (String) api.post("/api/auth/login", Map.of("login", login, "password", TestData.PASSWORD)).body().get("accessToken");
    }

    @Test
    void withoutTheTokenTheFiguresAreRefused() {
        assertEquals(401, scrape(null));
        assertEquals(401, scrape("wrong-token"));
        assertEquals(403, scrape(accessToken("olga")));
    }

    @Test
    void theTokenOrAnAdminSessionReadsThem() {
        assertEquals(200, scrape("scrape-secret-for-tests"));
        assertEquals(200, scrape(accessToken("root")));
    }
}
