package org.callcentre.crm.telephony.ami;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.Health;
import org.callcentre.crm.testing.Scrape;
import org.callcentre.crm.testing.TableLock;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asterisk sends faster than PostgreSQL stores (here a lock the test holds on {@code call_events}
 * stops every insert), in a burst twenty times {@code crm.ami.max-queued-events}: at the cap the
 * service stops reading the manager socket (TCP keeps the rest and would make Asterisk wait), says
 * so on {@code /health} and in the metrics, holds no more than the cap, and stays logged in; once
 * the lock goes it reads on, and every call of the burst is stored in its final status — nothing
 * dropped, no logoff, no gap.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiStopsReadingAtAFullQueueTest implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CAP = 10;
    final AmiTestServer asterisk = AmiTestServer.start();

    @Inject
    TestData data;
    @Inject
    AmiEventWorker worker;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;
    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return asterisk.connection("crm.ami.ping-interval", "300ms", "crm.ami.max-queued-events", String.valueOf(CAP));
    }

    @AfterAll
    void stopAsterisk() {
        asterisk.close();
    }

    @Test
    void atAFullQueueTheSocketIsNotReadAndEveryEventIsStoredOnceThereIsRoom() throws Exception {
        data.reset();
        ScenarioRows.setUpDirectory(data);
        Api admin = admin();
        List<AmiSample> samples = AmiSample.all(mapper);
        List<AmiSample.Block> burst = samples.stream().flatMap(s -> s.blocks().stream()).toList();
        assertTrue(burst.size() > 20 * CAP, "a burst far larger than the queue: " + burst.size());
        int logins = asterisk.actions("Login").size();
        long gaps = data.count("telephony_gaps");
        Thread sender;
        try (TableLock ignored = TableLock.writesTo(dataSource, "call_events")) {
            // a thread of its own: once the socket buffers are full, a write waits as Asterisk's would
            sender = new Thread(() -> asterisk.replay(burst), "burst");
            sender.start();

            Eventually.until("the socket is no longer read", () -> "paused".equals(details(Health.of(admin, "ami")).get("state")));
            Map<String, Object> health = Health.of(admin, "ami");
            assertEquals("FULL", health.get("status"), health.toString());
            assertTrue(((Number) details(health).get("queuedEvents")).intValue() <= CAP, "held at the cap, not beyond: " + health);
            assertEquals(1.0, Scrape.value(client, "crm_ami_paused"));
        }
        sender.join(WAIT.toMillis());
        assertFalse(sender.isAlive(), "the whole burst was read once the inserts went through");

        AmiApplied.await(asterisk, data, worker, "after-the-burst");
        for (AmiSample sample : samples) {
            ScenarioRows.assertRowMatches(data, "ami", sample.linkedId(), sample.name(), sample.expected());
        }
        assertEquals(samples.size(), data.count("calls WHERE source = 'ami' AND external_id <> 'after-the-burst'"));
        assertEquals(List.of(), asterisk.actions("Logoff"), "the link was never logged off");
        assertEquals(logins, asterisk.actions("Login").size(), "nor logged in again");
        assertEquals(gaps, data.count("telephony_gaps"), "no gap: nothing was missed");
        assertEquals("UP", Health.of(admin, "ami").get("status"));
        assertEquals(0.0, Scrape.value(client, "crm_ami_paused"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> health) {
        return (Map<String, Object>) health.get("details");
    }

    private Api admin() {
        data.user("boss", "admin", null, null);
        return new Api(client).login("boss", TestData.PASSWORD);
    }
}
