package org.callcentre.crm.telephony.mango;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replays the recorded Mango scenarios as real signed form posts and checks the call rows they
 * leave behind — in order, twice over, and shuffled.
 */
@MicronautTest(transactional = false)
class MangoWebhookScenariosTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    ObjectMapper mapper;
    MangoWebhooks mango;

    @BeforeEach
    void setUp() {
        data.reset();
        ScenarioRows.setUpDirectory(data);
        mango = new MangoWebhooks(client, data.db());
    }

    @Test
    void eachScenarioGivesTheExpectedCallRow() throws Exception {
        for (MangoScenario scenario : MangoScenario.all(mapper)) {
            for (MangoScenario.Webhook webhook : scenario.webhooks()) {
                assertEquals(200, mango.post(webhook.path(), webhook.json()));
            }
        }
        mango.awaitApplied();
        for (MangoScenario scenario : MangoScenario.all(mapper)) {
            assertRowMatches(scenario);
        }
    }

    @Test
    void duplicatedAndShuffledDeliveriesGiveTheSameRows() throws Exception {
        List<MangoScenario.Webhook> all = new ArrayList<>();
        for (MangoScenario scenario : MangoScenario.all(mapper)) {
            all.addAll(scenario.webhooks());
            all.addAll(scenario.webhooks());
        }
        Collections.shuffle(all, new Random(42));
        for (MangoScenario.Webhook webhook : all) {
            assertEquals(200, mango.post(webhook.path(), webhook.json()));
        }
        mango.awaitApplied();
        List<MangoScenario> scenarios = MangoScenario.all(mapper);
        assertEquals(scenarios.size(), data.count("calls"));
        for (MangoScenario scenario : scenarios) {
            assertRowMatches(scenario);
        }
    }

    @Test
    void aWrongSignOrKeyIs401AndWritesNothing() throws Exception {
        MangoScenario.Webhook webhook = MangoScenario.all(mapper).get(0).webhooks().get(0);
        assertEquals(401, mango.postSigned(webhook.path(), webhook.json(), MangoSignature.sign(MangoWebhooks.KEY, webhook.json(), "wrong-salt")));
        assertEquals(401, mango.postSigned(webhook.path(), webhook.json(), "0".repeat(64)));
        assertEquals(0, data.count("telephony_inbox"));
        assertEquals(0, data.count("calls"));
    }

    @Test
    void aSignedBodyThatIsNotJsonIs400() {
        assertEquals(400, mango.post("events/call", "{not json"));
        assertEquals(0, data.count("telephony_inbox"));
    }

    private void assertRowMatches(MangoScenario scenario) {
        ScenarioRows.assertRowMatches(data, "mango", scenario.entryId(), scenario.name(), scenario.expected());
    }
}
