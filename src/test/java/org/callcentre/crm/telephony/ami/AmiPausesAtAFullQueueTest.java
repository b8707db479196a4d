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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asterisk sends faster than PostgreSQL stores (here a lock the test holds on {@code call_events}
 * stops every insert): at {@code crm.ami.max-queued-events} the service stops taking events and
 * logs off (asterisk-java's reader must not block: its own queue would drop events unseen), says
 * so on {@code /health} and in the metrics, and once the queue has room logs in again and
 * re-syncs: the pause is reconciled and written as a gap like any outage, never a silent loss.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiPausesAtAFullQueueTest implements TestPropertyProvider {
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
    void atAFullQueueTheLinkIsPausedThenResumedAndThePauseIsAGap() throws Exception {
        data.reset();
        ScenarioRows.setUpDirectory(data);
        Api admin = admin();
        int logins = asterisk.actions("Login").size();
        int channelLists = asterisk.actions("CoreShowChannels").size();
        try (TableLock ignored = TableLock.writesTo(dataSource, "call_events")) {
            asterisk.replay(traffic());

            asterisk.awaitAction("Logoff", 1, WAIT);
            Map<String, Object> health = Health.of(admin, "ami");
            assertEquals("FULL", health.get("status"), health.toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) health.get("details");
            assertEquals("paused", details.get("state"));
            assertTrue(((Number) details.get("queuedEvents")).intValue() <= CAP, "held at the cap, not beyond: " + details);
            assertEquals(1.0, Scrape.value(client, "crm_ami_paused"));
        }

        asterisk.awaitAction("Login", logins + 1, WAIT);
        asterisk.awaitAction("CoreShowChannels", channelLists + 1, WAIT);
        Eventually.until("the pause is written as a gap",
                () -> data.count("telephony_gaps WHERE source = 'ami' AND reason LIKE 'paused:%'") == 1);
        AmiApplied.await(asterisk, data, worker, "after-pause");
        assertTrue(data.count("call_events WHERE source = 'ami'") >= CAP, "the events taken before the pause are stored");
        assertEquals("UP", Health.of(admin, "ami").get("status"));
        assertEquals(0.0, Scrape.value(client, "crm_ami_paused"));
    }

    private List<AmiSample.Block> traffic() throws Exception {
        List<AmiSample.Block> all = new ArrayList<>();
        for (AmiSample sample : AmiSample.all(mapper)) {
            all.addAll(sample.blocks());
        }
        return all;
    }

    private Api admin() {
        data.user("boss", "admin", null, null);
        return new Api(client).login("boss", TestData.PASSWORD);
    }
}
