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
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micronaut.runtime.server.EmbeddedServer;
import org.callcentre.crm.telephony.mango.MangoSignature;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "crm.webhooks.max-body-size", value = "4KB")
@Property(name = "crm.webhooks.failures-per-second", value = "0.01")
@Property(name = "crm.webhooks.failures-burst", value = "3")
class WebhookLimitsTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    EmbeddedServer server;

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
    void onlyFailedVerificationsAreChargedAndACorrectlySignedWebhookIsNeverLimited() {
        WebhookCalls mango = new WebhookCalls(client);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, mango.wronglySigned(null).code(), "refused by the signature check, not the limit");
        }
        HttpResponse<?> limited = mango.wronglySigned(null);
        assertEquals(429, limited.code());
        assertTrue(Long.parseLong(limited.getHeaders().get("Retry-After")) > 0);
        // the budget is the address's, whatever the source: the website's leads without a key too
        assertEquals(429, json("/api/integrations/leads").code());
        // a peer that is no trusted proxy cannot buy a fresh budget by naming another client
        assertEquals(429, mango.wronglySigned("203.0.113.9").code());

        for (int i = 0; i < 300; i++) {
            assertEquals(200, mango.signed(null).code(), "correctly signed webhook " + i + " from the same address");
        }
        new MangoWebhooks(client, data.db()).awaitApplied();
        assertEquals(300, data.count("calls"), "every correctly signed webhook applied");
        assertEquals(429, mango.wronglySigned(null).code(), "good requests give failures no budget back");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() {
        HttpResponse<?> response = form("/integrations/mango/events/call", "json=" + "x".repeat(5000));
        assertEquals(413, response.code());
        assertEquals(0, data.count("telephony_inbox"));
    }

    /**
     * A chunked body names no length up front: only the 1 MB server limit stopped it before. A correctly
     * signed Mango event padded past the limit is refused 413 and nothing reaches the inbox; the same
     * event under the limit, also chunked, still goes through.
     */
    @Test
    void aChunkedBodyOverTheLimitIsCountedAsItArrivesAnd413() throws Exception {
        String small = signedForm("chunked-1", 100);
        assertEquals(200, chunked(small), "a chunked body under the limit still reaches the webhook");
        new MangoWebhooks(client, data.db()).awaitApplied();
        long inbox = data.count("telephony_inbox");
        long calls = data.count("calls");

        String large = signedForm("chunked-2", 5000);
        assertTrue(large.length() > 4096);
        assertEquals(413, chunked(large));
        assertEquals(inbox, data.count("telephony_inbox"), "the refused event reached no inbox");
        assertEquals(calls, data.count("calls"), "the refused event made no call");
    }

    /** A ringing leg of Mango's, correctly signed, with {@code padding} bytes of an extra field Mango may add. */
    private static String signedForm(String entryId, int padding) {
        String json = """
                {"entry_id":"%s","call_id":"%s","timestamp":1740823200,"seq":1,"call_state":"Appeared","location":"ivr",\
                "from":{"number":"79161234567"},"to":{"number":"78432507713","line_number":"78432507713"},"note":"%s"}"""
                .formatted(entryId, entryId, "x".repeat(padding));
        return "vpbx_api_key=" + URLEncoder.encode(MangoWebhooks.KEY, StandardCharsets.UTF_8)
                + "&sign=" + MangoSignature.sign(MangoWebhooks.KEY, json, MangoWebhooks.SALT)
                + "&json=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    /** Posts with {@code Transfer-Encoding: chunked} (a body of unknown length), in 1 KB chunks. */
    private int chunked(String form) throws Exception {
        byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/integrations/mango/events/call"))
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED)
                .POST(BodyPublishers.ofInputStream(() -> new java.io.BufferedInputStream(new ByteArrayInputStream(bytes), 1024)))
                .build();
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, BodyHandlers.discarding()).statusCode();
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
