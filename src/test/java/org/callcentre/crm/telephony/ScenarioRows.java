package org.callcentre.crm.telephony;

import io.micronaut.json.tree.JsonNode;
import org.callcentre.crm.testing.TestData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The directory the recorded telephony scenarios are played against, and the rows they must leave. */
public final class ScenarioRows {
    private ScenarioRows() {
    }

    /** Kazan, campaign KZN-AVITO on +7 843 250-77-13, operators 101, 102 and 103 (telephony/samples/README.md). */
    public static void setUpDirectory(TestData data) {
        long kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('KZN-AVITO', ?, '+78432507713', 'avito')", kazan);
        data.user("op101", "operator", kazan, "101");
        data.user("op102", "operator", kazan, "102");
        data.user("op103", "operator", kazan, "103");
    }

    /**
     * The call row has every field of {@code expected} and has ended; it is linked to a client unless
     * {@code expected} says {@code "clientLinked": false} (a call with no outside party).
     */
    public static void assertRowMatches(TestData data, String source, String callKey, String scenario, JsonNode expected) {
        Map<String, Object> row = data.db().queryOne("""
                        SELECT c.status, c.missed_reason, c.direction, o.sip_address, c.client_phone, ci.name AS city, c.rk,
                               c.wait_seconds, c.talk_seconds, c.hold_seconds, c.client_id, c.ended_at IS NOT NULL AS ended
                        FROM calls c LEFT JOIN operators o ON o.id = c.operator_id LEFT JOIN cities ci ON ci.id = c.city_id
                        WHERE c.source = ? AND c.external_id = ?""",
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
                }, source, callKey).orElseThrow(() -> new AssertionError("no call row for " + scenario));
        for (Map.Entry<String, JsonNode> field : expected.entries()) {
            Object want = field.getValue().isNull() ? null
                    : field.getValue().isNumber() ? (Object) field.getValue().getIntValue()
                    : field.getValue().isBoolean() ? (Object) field.getValue().getBooleanValue() : field.getValue().getStringValue();
            assertEquals(want, row.get(field.getKey()), scenario + ": " + field.getKey() + " in " + row);
        }
        if (expected.get("clientLinked") == null) {
            assertTrue((Boolean) row.get("clientLinked"), scenario);
        }
        assertTrue((Boolean) row.get("ended"), scenario);
    }

    /**
     * Every call row (probe calls left out) with what names its operator, client and city instead
     * of their ids, and how many events it was derived from: what two runs of the same traffic
     * must agree on, whatever ids the rows got.
     */
    public static List<String> allCalls(TestData data) {
        return data.db().query("""
                        SELECT (to_jsonb(c) - 'id' - 'updated_at' - 'operator_id' - 'client_id' - 'city_id' - 'order_id')
                               || jsonb_build_object('operator', o.sip_address, 'city', ci.name, 'clientLinked', c.client_id IS NOT NULL,
                                    'events', (SELECT count(*) FROM call_events e WHERE e.source = c.source AND e.call_key = c.external_id))
                        FROM calls c LEFT JOIN operators o ON o.id = c.operator_id LEFT JOIN cities ci ON ci.id = c.city_id
                        WHERE c.external_id NOT LIKE 'probe%'
                        ORDER BY c.source, c.external_id""",
                rs -> rs.getString(1));
    }
}
