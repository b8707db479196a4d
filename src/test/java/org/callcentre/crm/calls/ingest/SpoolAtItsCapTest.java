package org.callcentre.crm.calls.ingest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.StoppablePostgres;
import org.callcentre.crm.testing.TempDirs;
import org.callcentre.crm.testing.Scrape;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL is away and the spool fills up to its cap: correctly signed Mango webhooks are then
 * answered 503 with {@code Retry-After} and nothing of them is kept (Mango sends them again), the
 * Avito and website-lead webhooks likewise, and the metrics raise the alarm. When PostgreSQL is
 * back, what was acknowledged is applied and what was refused is taken when sent again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpoolAtItsCapTest {
    private static final long CAP_BYTES = 2048;

    final StoppablePostgres postgres = StoppablePostgres.start();
    final Path spoolDir = TempDirs.create("spool-cap");
    EmbeddedServer server;
    TestData data;
    CallEvents buffer;
    HttpClient client;

    @BeforeAll
    void startService() {
        Map<String, Object> properties = new HashMap<>(postgres.quickPool());
        properties.put("crm.ingest.spool-dir", spoolDir.toString());
        properties.put("crm.ingest.spool-max-size", String.valueOf(CAP_BYTES));
        properties.put("crm.ingest.retry-interval", "200ms");
        postgres.useAsExternalDatabase();
        try {
            server = ApplicationContext.builder("test").properties(properties).run(EmbeddedServer.class);
        } finally {
            postgres.forgetAsExternalDatabase();
        }
        data = server.getApplicationContext().getBean(TestData.class);
        buffer = server.getApplicationContext().getBean(CallEvents.class);
        client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    @AfterAll
    void stopServers() {
        postgres.resumeIfStopped();
        client.close();
        server.close();
        postgres.close();
        TempDirs.delete(spoolDir);
    }

    @Test
    void atTheCapWebhooksAreAnswered503AndWhatWasAcknowledgedIsAppliedWhenPostgresReturns() throws Exception {
        data.reset();
        MangoWebhooks mango = new MangoWebhooks(client, data.db());
        long now = System.currentTimeMillis() / 1000;
        postgres.stop();
        List<String> acknowledged = new ArrayList<>();
        HttpResponse<?> refusal = null;
        for (int i = 0; i < 100 && refusal == null; i++) {
            HttpResponse<?> answer = mango.send("events/summary", summary("spool-" + i, now));
            if (answer.code() == 200) {
                acknowledged.add("spool-" + i);
            } else {
                refusal = answer;
            }
        }
        assertNotNull(refusal, "the spool is capped");
        assertTrue(acknowledged.size() >= 2, "webhooks were spooled before the cap: " + acknowledged);
        assertEquals(503, refusal.code());
        assertNotNull(refusal.getHeaders().get("Retry-After"), "Mango is told when to send it again");
        long spoolBytes = Files.size(spoolDir.resolve("call-events.jsonl"));
        assertTrue(spoolBytes < CAP_BYTES * 2, "the spool stopped near its cap: " + spoolBytes);
        assertEquals(spoolBytes, buffer.kept().spoolBytes());
        assertTrue(buffer.kept().full());
        assertEquals(1.0, Scrape.value(client, "crm_ingest_spool_full"));

        HttpResponse<?> avito = post(HttpRequest.POST("/integrations/avito/webhook/some-account-secret", Map.of("payload", Map.of())));
        assertEquals(503, avito.code(), "Avito is asked to send it again, not told it failed for good");
        assertNotNull(avito.getHeaders().get("Retry-After"));
        HttpResponse<?> lead = post(HttpRequest.POST("/api/integrations/leads", Map.of("externalId", "web-1", "phone", "+79123456789"))
                .header("X-API-Key", "some-website-key"));
        assertEquals(503, lead.code(), "the website is asked to send the lead again");
        assertNotNull(lead.getHeaders().get("Retry-After"));

        postgres.resume();
        assertTrue(buffer.awaitKeptApplied(Duration.ofSeconds(60)), "the spool is applied once PostgreSQL is back");
        Eventually.until("the refused webhook is taken when sent again",
                () -> mango.send("events/summary", summary("spool-refused", now)).code() == 200);
        mango.awaitApplied();
        List<String> stored = data.db().query("SELECT external_id FROM calls WHERE source = 'mango' ORDER BY external_id", rs -> rs.getString(1));
        List<String> expected = new ArrayList<>(acknowledged);
        expected.add("spool-refused");
        expected.sort(null);
        assertEquals(expected, stored, "every acknowledged webhook, and the refused one sent again");
        assertEquals(0.0, Scrape.value(client, "crm_ingest_spool_full"));
    }

    private static String summary(String entryId, long now) {
        return MangoWebhooks.summaryJson(entryId, "79123456780", now - 60, now - 50, now - 10, "101");
    }


    private HttpResponse<?> post(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

}
