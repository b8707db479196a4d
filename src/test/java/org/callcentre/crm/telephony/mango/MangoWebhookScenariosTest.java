package org.callcentre.crm.telephony.mango;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Replays the recorded Mango scenarios as real signed form posts and checks the call rows they
 * leave behind — in order, twice over, and shuffled.
 */
@MicronautTest(transactional = false)
class MangoWebhookScenariosTest {
    static final String KEY = "test-vpbx-api-key";
    static final String SALT = "test-vpbx-api-salt";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void setUp() {
        data.reset();
        ScenarioRows.setUpDirectory(data);
    }

    @Test
    void eachScenarioGivesTheExpectedCallRow() throws Exception {
        for (MangoScenario scenario : MangoScenario.all(mapper)) {
            for (MangoScenario.Webhook webhook : scenario.webhooks()) {
                assertEquals(200, post(webhook.path(), webhook.json(), MangoSignature.sign(KEY, webhook.json(), SALT)));
            }
        }
        awaitInboxDrained();
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
            assertEquals(200, post(webhook.path(), webhook.json(), MangoSignature.sign(KEY, webhook.json(), SALT)));
        }
        awaitInboxDrained();
        List<MangoScenario> scenarios = MangoScenario.all(mapper);
        assertEquals(scenarios.size(), data.count("calls"));
        for (MangoScenario scenario : scenarios) {
            assertRowMatches(scenario);
        }
    }

    @Test
    void aWrongSignOrKeyIs401AndWritesNothing() throws Exception {
        MangoScenario.Webhook webhook = MangoScenario.all(mapper).get(0).webhooks().get(0);
        assertEquals(401, post(webhook.path(), webhook.json(), MangoSignature.sign(KEY, webhook.json(), "wrong-salt")));
        assertEquals(401, post(webhook.path(), webhook.json(), "0".repeat(64)));
        assertEquals(0, data.count("telephony_inbox"));
        assertEquals(0, data.count("calls"));
    }

    @Test
    void aSignedBodyThatIsNotJsonIs400() {
        String json = "{not json";
        assertEquals(400, post("events/call", json, MangoSignature.sign(KEY, json, SALT)));
        assertEquals(0, data.count("telephony_inbox"));
    }

    private void assertRowMatches(MangoScenario scenario) {
        ScenarioRows.assertRowMatches(data, "mango", scenario.entryId(), scenario.name(), scenario.expected());
    }

    private void awaitInboxDrained() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (data.db().queryLong("SELECT count(*) FROM telephony_inbox WHERE processed_at IS NULL") > 0) {
            assertFalse(System.currentTimeMillis() > deadline, "inbox not drained");
            Thread.sleep(50);
        }
        assertEquals(0, data.db().queryLong("SELECT count(*) FROM telephony_inbox WHERE last_error IS NOT NULL"),
                () -> data.db().query("SELECT last_error FROM telephony_inbox WHERE last_error IS NOT NULL", rs -> rs.getString(1)).toString());
    }

    private int post(String path, String json, String sign) {
        Map<String, String> form = Map.of("vpbx_api_key", KEY, "sign", sign, "json", json);
        try {
            return client.toBlocking().exchange(HttpRequest.POST("/integrations/mango/" + path, form)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), Argument.of(String.class)).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
