package org.callcentre.crm.websecurity;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** CRM_CORS_ENABLED=true and CRM_CORS_ALLOWED_ORIGINS, as an operator of the service would set them. */
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.cors.enabled", value = "true")
@Property(name = "micronaut.server.cors.configurations.web.allowed-origins", value = "https://crm.example.ru,https://wallboard.example.ru")
class CorsFromConfigTest {
    @Inject
    @Client("/")
    HttpClient client;

    private HttpResponse<?> preflight(String origin) {
        HttpRequest<?> request = HttpRequest.create(HttpMethod.OPTIONS, "/api/orders")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization");
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @Test
    void aListedOriginIsAllowed() {
        assertEquals("https://crm.example.ru", preflight("https://crm.example.ru").getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertEquals("https://wallboard.example.ru",
                preflight("https://wallboard.example.ru").getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    @Test
    void anyOtherOriginIsNot() {
        HttpResponse<?> response = preflight("https://evil.example.com");
        assertNull(response.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }
}
