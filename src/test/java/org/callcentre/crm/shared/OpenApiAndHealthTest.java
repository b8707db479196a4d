package org.callcentre.crm.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OpenApiAndHealthTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void theOpenApiDocumentIsServedWithoutAToken() {
        String yaml = client.toBlocking().retrieve(HttpRequest.GET("/swagger/openapi.yml"));
        assertTrue(yaml.contains("/api/orders"), yaml.substring(0, Math.min(300, yaml.length())));
        assertTrue(yaml.contains("/api/auth/login"));
    }

    @Test
    void healthAnswersUpWithoutAToken() {
        String health = client.toBlocking().retrieve(HttpRequest.GET("/health"));
        assertTrue(health.contains("UP"), health);
    }
}
