package org.callcentre.crm.calls.ingest;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch costs a fixed number of statements however many calls it holds: events appended in one,
 * call rows upserted in one, the clients of new callers found and created in a few, each
 * projection one (docs/architecture.md lists them). Counted at the JDBC connection, not timed.
 */
@MicronautTest(transactional = false)
@Property(name = "crm.test.count-statements", value = "true")
class IngestBatchStatementsTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    /** The table of docs/architecture.md for a batch of new answered calls from new callers, no recording, one node. */
    private static final int DOCUMENTED = 14;

    @Inject
    CallEventIngestor ingestor;
    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("op101", "operator", data.city("Казань", "Europe/Moscow"), "101");
    }

    @Test
    void fiftyNewCallsFromNewCallersCostTheStatementsOfTen() throws Exception {
        ingestor.ingest(answeredCalls("warm-up", 1, 0)); // the operator lookup is cached from here on
        var ten = StatementCounter.count(() -> ingestor.ingest(answeredCalls("ten", 10, 100)));
        var fifty = StatementCounter.count(() -> ingestor.ingest(answeredCalls("fifty", 50, 200)));

        assertEquals(ten.statements(), fifty.statements(), "statements per batch do not grow with the calls in it: " + fifty.sql());
        assertTrue(fifty.statements() <= DOCUMENTED, "no more than docs/architecture.md says: " + fifty.sql());
        assertEquals(61, data.db().queryLong("SELECT count(*) FROM calls WHERE status = 'answered' AND client_id IS NOT NULL "
                + "AND operator_id IS NOT NULL AND talk_seconds = 50"), "every call stored, linked to its new client and its operator");
        assertEquals(61, data.db().queryLong("SELECT count(DISTINCT client_id) FROM client_phones WHERE phone LIKE '+7916%'"),
                "one new client per new caller");
        assertEquals(61, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'client' AND action = 'create'"),
                "each new client audited");
    }

    @Test
    void aCallerSeenBeforeIsNotCreatedAgain() throws Exception {
        ingestor.ingest(answeredCalls("first", 3, 300));
        ingestor.ingest(answeredCalls("again", 3, 300));

        assertEquals(3, data.db().queryLong("SELECT count(*) FROM clients"));
        assertEquals(3, data.db().queryLong("SELECT count(DISTINCT client_id) FROM calls WHERE external_id LIKE 'again-%'"));
    }

    /** Inbound calls, each from its own new number, rung and answered by 101, 50 s of talk. */
    private static List<CallEvent> answeredCalls(String prefix, int calls, int firstCaller) {
        List<CallEvent> events = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String call = prefix + "-" + i;
            String caller = "+791612" + String.format("%05d", firstCaller + i);
            events.add(event(call, "s", 0, CallEventKind.STARTED).leg("a").direction(CallDirection.INBOUND).caller(caller).build());
            events.add(event(call, "r", 3, CallEventKind.RINGING).leg("b").extension("101").build());
            events.add(event(call, "n", 9, CallEventKind.ANSWERED).leg("b").extension("101").build());
            events.add(event(call, "e", 59, CallEventKind.ENDED).leg("b").build());
            events.add(event(call, "f", 59, CallEventKind.ENDED).leg("a").build());
        }
        return events;
    }

    private static CallEvent.Builder event(String call, String id, int second, CallEventKind kind) {
        return CallEvent.builder("ami", call, call + "-" + id, T0.plusSeconds(second), kind);
    }
}
