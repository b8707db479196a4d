package org.callcentre.crm.operations;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.Scrape;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class MetricsEndpointTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    DatabaseGauges gauges;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    private String scrape() {
        return client.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
    }

    @Test
    void aScraperOnThisHostReadsTheHttpJvmAndCallCentreFigures() {
        client.toBlocking().retrieve(HttpRequest.GET("/health"));
        String scrape = scrape();
        assertTrue(scrape.contains("http_server_requests_seconds_count{"), "HTTP latency histogram");
        assertTrue(scrape.contains("uri=\"/health\""), "labelled by route");
        assertTrue(scrape.contains("jvm_memory_used_bytes"));
        assertTrue(scrape.contains("hikaricp_connections_active") || scrape.contains("jdbc_connections_active"), "pool");
        assertEquals(0, Scrape.value(scrape, "crm_websocket_sessions{endpoint=\"operator\"}"));
        assertEquals(0, Scrape.value(scrape, "crm_telephony_inbox_pending"));
        assertTrue(scrape.contains("crm_sip_lines{state=\"down\"}"));
        assertTrue(scrape.contains("crm_ingest_lag_seconds"));
    }

    @Test
    void storedEventsAndSipLineStatesAreCountedAfterARefresh() {
        gauges.refresh();
        long city = data.city("Казань", "Europe/Moscow");
        long line = data.db().insert("INSERT INTO sip_lines (name, host, city_id) VALUES ('trunk-1', '127.0.0.1', ?) RETURNING id", city);
        data.db().insert("INSERT INTO sip_lines (name, host, city_id) VALUES ('trunk-2', '127.0.0.1', ?) RETURNING id", city);
        data.db().update("INSERT INTO sip_line_status (sip_line_id, state, checked_at) VALUES (?, 'down', now())", line);
        MangoWebhooks mango = new MangoWebhooks(client, data.db());
        long now = System.currentTimeMillis() / 1000;
        assertEquals(200, mango.summary("entry-metrics-1", "+79161234567", now - 60, now - 50, now, "101"));
        mango.awaitApplied();
        gauges.refresh();

        String scrape = scrape();
        assertTrue(Scrape.value(scrape, "crm_events_ingested_total{source=\"mango\"}") >= 1, scrape);
        assertEquals(1, Scrape.value(scrape, "crm_sip_lines{state=\"down\"}"));
        assertEquals(1, Scrape.value(scrape, "crm_sip_lines{state=\"unknown\"}"));
        assertEquals(0, Scrape.value(scrape, "crm_sip_lines{state=\"up\"}"));
    }

    @Test
    void queuedAndRunningJobsAreCountedByKind() {
        long city = data.city("Казань", "Europe/Moscow");
        long call = data.db().insert("INSERT INTO calls (source, external_id, direction, status, client_phone, city_id, created_at)"
                + " VALUES ('mango', 'entry-jobs-1', 'inbound', 'answered', '+79161234567', ?, now()) RETURNING id", city);
        // far in the future, so no worker of this service takes them while the test reads the figures
        data.db().update("INSERT INTO call_jobs (call_id, kind, status, run_after) VALUES (?, 'transcribe', 'queued', now() + interval '1 day')", call);
        data.db().update("INSERT INTO call_jobs (call_id, kind, status, lease_until) VALUES (?, 'fetch_recording', 'running', now() + interval '1 day')", call);
        gauges.refresh();

        String scrape = scrape();
        assertEquals(1, Scrape.value(scrape, "crm_jobs{kind=\"transcribe\",state=\"queued\"}"));
        assertEquals(1, Scrape.value(scrape, "crm_jobs{kind=\"fetch_recording\",state=\"running\"}"));
        assertEquals(0, Scrape.value(scrape, "crm_jobs{kind=\"transcribe\",state=\"running\"}"));
    }
}
