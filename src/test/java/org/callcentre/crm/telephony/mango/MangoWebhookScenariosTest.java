package org.callcentre.crm.telephony.mango;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the recorded Mango scenarios as real signed form posts and checks the call rows they
 * leave behind — in order, twice over, shuffled, and in the orders a refused and resent webhook makes.
 */
@MicronautTest(transactional = false)
class MangoWebhookScenariosTest {
    private static final String CALLER = "79161234567";
    private static final Pattern CALL_ID = Pattern.compile("\"call_id\":\"([^\"]+)\"");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    ObjectMapper mapper;
    MangoWebhooks mango;
    private int calls;

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

    /**
     * Mango resends a webhook it was refused (503) later, so one call's webhooks can arrive in any
     * order, each applied on its own. Every scenario is played once in order (the twin) and then in
     * harmful orders — ends before the answer, the ring after the answer, the summary first, a whole
     * leg late, reversed, everything twice — each order as a call of its own (its own entry and leg
     * ids, its own caller). The call row and the caller's call-backs must come out as the twin's, and
     * no webhook may take back what the row already said (ended, answered, talk).
     */
    @Test
    void aCallComesOutTheSameWhateverOrderItsWebhooksArriveIn() throws IOException {
        for (MangoScenario scenario : MangoScenario.all(mapper)) {
            List<MangoScenario.Webhook> webhooks = scenario.webhooks();
            Map<String, Object> twin = play(scenario, IntStream.range(0, webhooks.size()).boxed().toList());
            harmfulOrders(webhooks).forEach((name, order) ->
                    assertEquals(twin, play(scenario, order), scenario.name() + ", " + name + " " + order));
        }
    }

    /** The orders a 503 and its resend can produce that a wrong merge would get wrong. */
    private static Map<String, List<Integer>> harmfulOrders(List<MangoScenario.Webhook> webhooks) {
        List<Integer> inOrder = IntStream.range(0, webhooks.size()).boxed().toList();
        Map<String, List<Integer>> orders = new LinkedHashMap<>();
        List<Integer> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);
        orders.put("reversed", reversed);
        orders.put("ends first", first(inOrder, i -> state(webhooks.get(i), "Disconnected") || summary(webhooks.get(i))));
        orders.put("summary first", first(inOrder, i -> summary(webhooks.get(i))));
        orders.put("answers last", first(inOrder, i -> !state(webhooks.get(i), "Connected")));
        orders.put("rings after everything else", first(inOrder, i -> !state(webhooks.get(i), "Appeared")));
        // A whole leg late, the summary last: the call looked over (every leg known had ended) when it was not.
        for (String leg : webhooks.stream().map(MangoWebhookScenariosTest::leg).filter(Objects::nonNull).distinct().toList()) {
            List<Integer> late = new ArrayList<>(inOrder.stream().filter(i -> !leg.equals(leg(webhooks.get(i))) && !summary(webhooks.get(i))).toList());
            late.addAll(inOrder.stream().filter(i -> leg.equals(leg(webhooks.get(i)))).toList());
            late.addAll(inOrder.stream().filter(i -> summary(webhooks.get(i))).toList());
            orders.put("leg " + leg + " late, the summary last", late);
        }
        List<Integer> twice = new ArrayList<>(reversed);
        twice.addAll(inOrder);
        orders.put("reversed, then everything again", twice);
        return orders;
    }

    private static List<Integer> first(List<Integer> order, Predicate<Integer> early) {
        Set<Integer> result = new LinkedHashSet<>(order.stream().filter(early).toList());
        result.addAll(order);
        return List.copyOf(result);
    }

    private static boolean state(MangoScenario.Webhook webhook, String state) {
        return webhook.json().contains("\"call_state\":\"" + state + "\"");
    }

    private static String leg(MangoScenario.Webhook webhook) {
        Matcher callId = CALL_ID.matcher(webhook.json());
        return callId.find() ? callId.group(1) : null;
    }

    private static boolean summary(MangoScenario.Webhook webhook) {
        return webhook.path().equals("events/summary");
    }

    /**
     * Posts the scenario's webhooks in this order under fresh entry and leg ids and a fresh caller,
     * each applied before the next is sent, checking after each that the row took nothing back.
     *
     * @return the row as it ends, with what names its operator, city and client, and the client's call-backs
     */
    private Map<String, Object> play(MangoScenario scenario, List<Integer> order) {
        String tag = "-" + (++calls);
        String caller = "7916" + String.format("%07d", calls);
        Map<String, String> renames = renames(scenario, tag);
        String entryId = scenario.entryId() + tag;
        Row before = null;
        for (int i : order) {
            MangoScenario.Webhook webhook = scenario.webhooks().get(i);
            String json = webhook.json().replace("\"" + CALLER + "\"", "\"" + caller + "\"");
            for (Map.Entry<String, String> rename : renames.entrySet()) {
                json = json.replace("\"" + rename.getKey() + "\"", "\"" + rename.getValue() + "\"");
            }
            assertEquals(200, mango.post(webhook.path(), json));
            mango.awaitApplied();
            Row now = row(entryId);
            tookNothingBack(before, now, scenario.name() + " " + order + " after webhook " + i);
            before = now;
        }
        return finalState(entryId);
    }

    /** The scenario's entry id and leg ids, each with the tag: a call of its own. */
    private Map<String, String> renames(MangoScenario scenario, String tag) {
        Map<String, String> renames = new LinkedHashMap<>();
        renames.put(scenario.entryId(), scenario.entryId() + tag);
        for (MangoScenario.Webhook webhook : scenario.webhooks()) {
            try {
                JsonNode callId = mapper.readValue(webhook.json(), JsonNode.class).get("call_id");
                if (callId != null) {
                    renames.put(callId.getStringValue(), callId.getStringValue() + tag);
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return renames;
    }

    private record Row(String status, boolean answered, boolean ended, Integer talk) {
    }

    private Row row(String entryId) {
        return data.db().queryOne("SELECT status, answered_at IS NOT NULL, ended_at IS NOT NULL, talk_seconds FROM calls "
                        + "WHERE source = 'mango' AND external_id = ?",
                rs -> new Row(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), (Integer) rs.getObject(4)), entryId).orElse(null);
    }

    private static void tookNothingBack(Row before, Row now, String where) {
        if (before == null) {
            return;
        }
        assertNotNull(now, where);
        if (before.ended()) {
            assertTrue(now.ended(), "an ended call reopened, " + where + ": " + before + " → " + now);
            assertFalse(now.status().equals("ringing"), "an ended call ringing again, " + where + ": " + now);
        }
        if (before.answered()) {
            assertTrue(now.answered() && now.status().equals("answered"), "an answer taken back, " + where + ": " + before + " → " + now);
        }
        if (before.ended() && before.answered() && before.talk() != null && before.talk() > 0) {
            assertTrue(now.talk() != null && now.talk() > 0, "talk lost, " + where + ": " + before + " → " + now);
        }
    }

    private Map<String, Object> finalState(String entryId) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("call", data.db().queryOne("""
                        SELECT to_jsonb(c) - 'id' - 'external_id' - 'updated_at' - 'operator_id' - 'client_id' - 'city_id'
                                           - 'order_id' - 'client_phone'
                               || jsonb_build_object('operator', o.sip_address, 'city', ci.name, 'clientLinked', c.client_id IS NOT NULL,
                                    'events', (SELECT count(*) FROM call_events e WHERE e.source = c.source AND e.call_key = c.external_id))
                        FROM calls c LEFT JOIN operators o ON o.id = c.operator_id LEFT JOIN cities ci ON ci.id = c.city_id
                        WHERE c.source = 'mango' AND c.external_id = ?""", rs -> rs.getString(1), entryId)
                .orElseThrow(() -> new AssertionError("no call row for " + entryId)));
        state.put("call-backs", data.db().query("""
                        SELECT t.status || ' ' || t.missed_count || ' missed, ' || (SELECT count(*) FROM task_calls k WHERE k.task_id = t.id)
                               || ' counted' FROM tasks t JOIN calls c ON c.client_id = t.client_id
                        WHERE c.source = 'mango' AND c.external_id = ? ORDER BY t.id""", rs -> rs.getString(1), entryId));
        return state;
    }
}
