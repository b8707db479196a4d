package org.callcentre.crm.telephony.mango;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        long kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('KZN-AVITO', ?, '+78432507713', 'avito')", kazan);
        data.user("op101", "operator", kazan, "101");
        data.user("op102", "operator", kazan, "102");
        data.user("op103", "operator", kazan, "103");
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
        String json = "{not json";
        assertEquals(400, mango.post("events/call", json));
        assertEquals(0, data.count("telephony_inbox"));
    }

    private void assertRowMatches(MangoScenario scenario) {
        Map<String, Object> row = data.db().queryOne("""
                        SELECT c.status, c.missed_reason, c.direction, o.sip_address, c.client_phone, ci.name AS city, c.rk,
                               c.wait_seconds, c.talk_seconds, c.hold_seconds, c.client_id, c.ended_at IS NOT NULL AS ended
                        FROM calls c LEFT JOIN operators o ON o.id = c.operator_id LEFT JOIN cities ci ON ci.id = c.city_id
                        WHERE c.source = 'mango' AND c.external_id = ?""",
                rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("status", rs.getString("status"));
                    m.put("missedReason", rs.getString("missed_reason"));
                    m.put("direction", rs.getString("direction"));
                    m.put("operator", rs.getString("sip_address"));
                    m.put("clientPhone", rs.getString("client_phone"));
                    m.put("city", rs.getString("city"));
                    m.put("rk", rs.getString("rk"));
                    m.put("waitSeconds", rs.getInt("wait_seconds"));
                    m.put("talkSeconds", rs.getInt("talk_seconds"));
                    m.put("holdSeconds", rs.getInt("hold_seconds"));
                    m.put("clientLinked", rs.getObject("client_id") != null);
                    m.put("ended", rs.getBoolean("ended"));
                    return m;
                }, scenario.entryId()).orElseThrow(() -> new AssertionError("no call row for " + scenario.name()));
        JsonNode expected = scenario.expected();
        for (Map.Entry<String, JsonNode> field : expected.entries()) {
            Object want = field.getValue().isNull() ? null
                    : field.getValue().isNumber() ? (Object) field.getValue().getIntValue() : field.getValue().getStringValue();
            assertEquals(want, row.get(field.getKey()), scenario.name() + ": " + field.getKey() + " in " + row);
        }
        assertTrue((Boolean) row.get("clientLinked"), scenario.name());
        assertTrue((Boolean) row.get("ended"), scenario.name());
    }

}
