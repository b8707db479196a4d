package org.callcentre.crm.websecurity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bodies the fuzzer found answered with a 500, each kept as a plain regression test. */
@MicronautTest(transactional = false)
class MalformedBodiesTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    private int post(String path, String body, MediaType type) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST(path, body).contentType(type), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void aFormBodyWithBrokenPercentEncodingIs400() {
        assertEquals(400, post("/integrations/mango/events/call", "vpbx_api_key=%zz&json=%", MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals(0, data.count("telephony_inbox"));
    }

    @Test
    void aFormBodyForAJsonEndpointIsRefusedNot500() {
        int status = post("/api/auth/login", "login=%zz&password=%", MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        assertTrue(status == 400 || status == 415, "status " + status);
    }

    @Test
    void aRequestLineOverTheLimitIsRefusedWithAnAnswer() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/api/orders?q=" + "x".repeat(10_000))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        assertTrue(status == 414 || status == 400 || status == 413, "status " + status);
    }

    @Test
    void theTokenIntrospectionEndpointIsNotServed() {
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        String token = (String) new Api(client).post("/api/auth/login", java.util.Map.of("login", "olga", "password", TestData.PASSWORD))
                .body().get("accessToken");
        int status;
        try {
            status = client.toBlocking().exchange(HttpRequest.POST("/token_info", "token=x")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).bearerAuth(token), String.class).code();
        } catch (HttpClientResponseException e) {
            status = e.getStatus().getCode();
        }
        assertEquals(404, status);
    }
}
