package org.callcentre.crm.calls.ingest;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live calls' event lists are kept in memory between batches; an event written meanwhile by
 * another node (here: straight into the table) must still count.
 */
@MicronautTest(transactional = false)
class IngestSeesEventsFromOtherNodesTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Inject
    CallEventIngestor ingestor;
    @Inject
    TestData data;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("op101", "operator", data.city("Казань", "Europe/Moscow"), "101");
    }

    private static CallEvent.Builder event(String id, int second, CallEventKind kind) {
        return CallEvent.builder("ami", "call-1", id, T0.plusSeconds(second), kind);
    }

    @Test
    void anEventAnotherNodeStoredIsPartOfTheNextFold() throws Exception {
        ingestor.ingest(List.of(
                event("e1", 0, CallEventKind.STARTED).leg("a").direction(CallDirection.INBOUND).caller("+79161234567").build(),
                event("e2", 3, CallEventKind.RINGING).leg("b").extension("101").build()));

        CallEvent answeredElsewhere = event("e3", 9, CallEventKind.ANSWERED).leg("b").extension("101").build();
        data.db().update("INSERT INTO call_events (source, call_key, event_id, occurred_at, payload) VALUES ('ami', 'call-1', 'e3', ?, ?)",
                answeredElsewhere.occurredAt(), new Db.Jsonb(json.writeValueAsString(answeredElsewhere)));

        ingestor.ingest(List.of(
                event("e4", 60, CallEventKind.ENDED).leg("b").build(),
                event("e5", 60, CallEventKind.ENDED).leg("a").build()));

        assertEquals("answered", data.db().queryOne("SELECT status FROM calls WHERE external_id = 'call-1'", rs -> rs.getString(1)).orElseThrow());
        assertEquals(9, data.db().queryLong("SELECT wait_seconds FROM calls WHERE external_id = 'call-1'"));
        assertEquals(51, data.db().queryLong("SELECT talk_seconds FROM calls WHERE external_id = 'call-1'"));
    }

    /** Payloads stored before the direction was typed say {@code "inbound"}; they are read, and new ones written, the same way. */
    @Test
    void aStoredEventsDirectionIsTheWordTheTableHas() throws Exception {
        String stored = "{\"source\":\"ami\",\"callKey\":\"call-1\",\"eventId\":\"e1\",\"legId\":\"a\",\"sequence\":0,"
                + "\"occurredAt\":\"2025-03-01T10:00:00Z\",\"kind\":\"STARTED\",\"direction\":\"inbound\",\"callerNumber\":\"+79161234567\"}";
        CallEvent read = json.readValue(stored, CallEvent.class);
        assertEquals(CallDirection.INBOUND, read.direction());
        assertTrue(json.writeValueAsString(read).contains("\"direction\":\"inbound\""), json.writeValueAsString(read));
    }
}
