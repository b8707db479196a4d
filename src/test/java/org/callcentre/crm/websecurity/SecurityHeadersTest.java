package org.callcentre.crm.websecurity;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SecurityHeadersTest {
    @Inject
    @Client("/")
    HttpClient client;

    private HttpResponse<?> exchange(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @Test
    void everyAnswerCarriesTheHeadersSuccessesAndErrorsAlike() {
        List<HttpRequest<?>> requests = List.of(HttpRequest.GET("/health"), HttpRequest.GET("/api/operators/me"),
                HttpRequest.GET("/no/such/page"), HttpRequest.POST("/api/auth/login", "{\"login\":").contentType("application/json"),
                HttpRequest.GET("/swagger/openapi.yml"));
        for (HttpRequest<?> request : requests) {
            HttpHeaders headers = exchange(request).getHeaders();
            String what = request.getMethod() + " " + request.getPath();
            assertEquals("nosniff", headers.get("X-Content-Type-Options"), what);
            assertEquals("DENY", headers.get("X-Frame-Options"), what);
            assertEquals("no-referrer", headers.get("Referrer-Policy"), what);
            assertTrue(headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"), what);
        }
    }

    @Test
    void thePolicyLetsTheSpaRunButNoInlineOrForeignScript() {
        String csp = exchange(HttpRequest.GET("/health")).getHeaders().get("Content-Security-Policy");
        Map<String, String> directives = new java.util.HashMap<>();
        for (String directive : csp.split(";")) {
            String[] parts = directive.trim().split(" ", 2);
            directives.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        assertEquals("'self'", directives.get("script-src"), csp);
        assertEquals("'self'", directives.get("default-src"), csp);
        assertEquals("'self'", directives.get("connect-src"), "API and WebSocket on the page's own origin: " + csp);
        assertEquals("'none'", directives.get("object-src"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
    }

    @Test
    void apiAnswersAreNotCachedAndNoHstsUntilConfigured() {
        HttpResponse<?> api = exchange(HttpRequest.GET("/api/operators/me"));
        assertEquals("no-store", api.getHeaders().get("Cache-Control"));
        assertNull(api.getHeaders().get("Strict-Transport-Security"));
    }
}
