package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.testing.Eventually;
import io.micronaut.http.client.HttpClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.calls.ingest.CallEvents;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.telephony.mango.MangoScenario;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.StoppablePostgres;
import org.callcentre.crm.testing.TempDirs;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL goes away in the middle of telephony traffic and comes back: the events that arrived
 * meanwhile are kept (memory, then the spool file), applied when it returns, and the rows are the
 * ones the same traffic leaves without the fault.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestSurvivesPostgresOutageTest {
    final StoppablePostgres postgres = StoppablePostgres.start();
    final AmiTestServer asterisk = AmiTestServer.start();
    final Path spoolDir = TempDirs.create("ingest-spool");
    EmbeddedServer server;
    TestData data;
    AmiEventWorker worker;
    CallEvents buffer;
    ObjectMapper mapper;
    HttpClient client;

    private Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(asterisk.connection("crm.ami.ping-interval", "1s"));
        properties.putAll(postgres.quickPool());
        properties.put("crm.ingest.spool-dir", spoolDir.toString());
        // small enough that an outage outgrows memory and the spool file is used too
        properties.put("crm.ingest.buffer-events", "5");
        properties.put("crm.ingest.retry-interval", "200ms");
        return properties;
    }

    /** A service of its own on the stoppable database (the tests' shared one must stay up). */
    @BeforeAll
    void startService() {
        postgres.useAsExternalDatabase();
        try {
            server = ApplicationContext.builder("test").properties(properties()).run(EmbeddedServer.class);
        } finally {
            postgres.forgetAsExternalDatabase();
        }
        ApplicationContext context = server.getApplicationContext();
        data = context.getBean(TestData.class);
        worker = context.getBean(AmiEventWorker.class);
        buffer = context.getBean(CallEvents.class);
        mapper = context.getBean(ObjectMapper.class);
        client = context.createBean(HttpClient.class, server.getURL());
    }

    @AfterAll
    void stopServers() {
        client.close();
        server.close();
        asterisk.close();
        postgres.close();
        TempDirs.delete(spoolDir);
    }

    @BeforeEach
    void setUp() {
        data.reset();
        ScenarioRows.setUpDirectory(data);
    }

    @AfterEach
    void databaseIsBack() throws InterruptedException {
        // a failed test must not leave the next one without its database
        postgres.resumeIfStopped();
        assertTrue(buffer.awaitKeptApplied(Duration.ofSeconds(30)));
        awaitPoolReconnected();
    }

    @Test
    void amiCallsComeOutAsWithoutTheOutage() throws Exception {
        List<AmiSample.Block> traffic = amiTraffic();
        asterisk.replay(traffic);
        AmiApplied.await(asterisk, data, worker, "probe-1");
        List<String> withoutFault = ScenarioRows.allCalls(data);
        assertEquals(AmiSample.all(mapper).size(), withoutFault.size());

        data.reset();
        ScenarioRows.setUpDirectory(data);
        int half = traffic.size() / 2;
        asterisk.replay(traffic.subList(0, half));
        AmiApplied.await(asterisk, data, worker, "probe-2");
        Api admin = admin();

        postgres.stop();
        asterisk.replay(traffic.subList(half, traffic.size()));
        asterisk.replay(AmiSample.probeCall("probe-3"));
        Eventually.until("events kept, past the memory limit on disk", () -> buffer.kept().spooledBatches() > 0);
        assertTrue(Files.size(spoolDir.resolve("call-events.jsonl")) > 0);
        assertEquals("DEGRADED", ingestHealth(admin));

        postgres.resume();
        assertTrue(buffer.awaitKeptApplied(Duration.ofSeconds(60)), "kept events applied once PostgreSQL is back");
        awaitPoolReconnected();
        assertEquals("UP", ingestHealth(admin));
        assertFalse(Files.exists(spoolDir.resolve("call-events.jsonl")), "the spool is removed once applied");
        assertEquals(withoutFault, ScenarioRows.allCalls(data));
    }

    @Test
    void mangoWebhooksAnsweredWhilePostgresIsAwayAreOnDiskAndAppliedWhenItReturns() throws Exception {
        MangoWebhooks mango = new MangoWebhooks(client, data.db());
        List<MangoScenario> scenarios = MangoScenario.all(mapper);
        for (MangoScenario scenario : scenarios) {
            for (MangoScenario.Webhook webhook : scenario.webhooks()) {
                assertEquals(200, mango.post(webhook.path(), webhook.json()));
            }
        }
        mango.awaitApplied();
        List<String> withoutFault = ScenarioRows.allCalls(data);
        assertEquals(scenarios.size(), withoutFault.size());

        data.reset();
        ScenarioRows.setUpDirectory(data);
        postgres.stop();
        int answered = 0;
        for (MangoScenario scenario : scenarios) {
            for (MangoScenario.Webhook webhook : scenario.webhooks()) {
                assertEquals(200, mango.post(webhook.path(), webhook.json()), "acknowledged while PostgreSQL is away");
                answered++;
            }
        }
        // answered 200 means on disk: a kill -9 now would find every one of them at the next start
        assertEquals(answered, Files.readAllLines(spoolDir.resolve("call-events.jsonl")).size());

        postgres.resume();
        assertTrue(buffer.awaitKeptApplied(Duration.ofSeconds(60)), "spooled webhooks applied once PostgreSQL is back");
        awaitPoolReconnected();
        mango.awaitApplied();
        assertEquals(withoutFault, ScenarioRows.allCalls(data));
        for (MangoScenario scenario : scenarios) {
            ScenarioRows.assertRowMatches(data, "mango", scenario.entryId(), scenario.name(), scenario.expected());
        }
    }

    /** Connections the pool held across the restart fail once each before it replaces them. */
    private void awaitPoolReconnected() {
        Eventually.until("the pool reaches the database again", () -> {
            try {
                for (int i = 0; i < 20; i++) {
                    data.db().queryLong("SELECT 1");
                }
                return true;
            } catch (RuntimeException stale) {
                return false;
            }
        });
    }

    private List<AmiSample.Block> amiTraffic() throws IOException {
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

    @SuppressWarnings("unchecked")
    private String ingestHealth(Api admin) {
        Api.Reply health = admin.get("/health");
        Map<String, Object> details = (Map<String, Object>) health.body().get("details");
        return (String) ((Map<String, Object>) details.get("ingest")).get("status");
    }
}
