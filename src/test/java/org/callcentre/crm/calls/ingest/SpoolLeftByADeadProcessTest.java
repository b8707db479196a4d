package org.callcentre.crm.calls.ingest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TempDirs;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process killed while PostgreSQL was away leaves its spool file behind: the next start applies
 * it, oldest first, and a last line cut short by the kill costs nothing else.
 */
@MicronautTest(transactional = false)
class SpoolLeftByADeadProcessTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Inject
    TestData data;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("op101", "operator", data.city("Казань", "Europe/Moscow"), "101");
    }

    @Test
    void theNextStartAppliesWhatTheSpoolHolds() throws Exception {
        Path dir = TempDirs.create("dead-process-spool");
        Path file = dir.resolve("call-events.jsonl");
        IngestSpool left = new IngestSpool(file, json);
        left.append(List.of(event("e1", 0, CallEventKind.STARTED).leg("a").direction(CallDirection.INBOUND).caller("+79161234567").build(),
                event("e2", 3, CallEventKind.RINGING).leg("b").extension("101").build()));
        left.append(List.of(event("e3", 9, CallEventKind.ANSWERED).leg("b").extension("101").build()));
        left.append(List.of(event("e4", 60, CallEventKind.ENDED).leg("b").build(), event("e5", 60, CallEventKind.ENDED).leg("a").build()));
        left.close();
        Files.writeString(file, "[{\"source\":\"ami\",\"callKey\":\"cut-sh", java.nio.file.StandardOpenOption.APPEND);

        try (ApplicationContext restarted = ApplicationContext.builder("test").properties(Map.of("crm.ingest.spool-dir", dir.toString())).start()) {
            assertTrue(restarted.getBean(CallEvents.class).awaitKeptApplied(Duration.ofSeconds(30)));
        }

        assertFalse(Files.exists(file), "an applied spool is removed");
        TempDirs.delete(dir);
        assertEquals("answered", data.db().queryOne("SELECT status FROM calls WHERE external_id = 'call-1' AND ended_at IS NOT NULL",
                rs -> rs.getString(1)).orElseThrow());
        assertEquals(51, data.db().queryLong("SELECT talk_seconds FROM calls WHERE external_id = 'call-1'"));
        assertEquals(5, data.count("call_events"));
    }

    @Test
    void batchesKeptInMemoryAtShutdownGoBeforeThoseAlreadyOnDisk() throws Exception {
        Path dir = TempDirs.create("shutdown-spool");
        Path file = dir.resolve("call-events.jsonl");
        IngestSpool spool = new IngestSpool(file, json);
        spool.append(List.of(event("newer", 5, CallEventKind.RINGING).build()));
        spool.putFirst(List.of(List.of(event("oldest", 0, CallEventKind.STARTED).build()), List.of(event("older", 1, CallEventKind.RINGING).build())));
        spool.close();

        IngestSpool reread = new IngestSpool(file, json);
        assertEquals(3, reread.unread());
        for (String expected : List.of("oldest", "older", "newer")) {
            assertEquals(expected, reread.head().orElseThrow().get(0).eventId());
            reread.take();
        }
        assertTrue(reread.head().isEmpty());
        assertFalse(Files.exists(file));
        TempDirs.delete(dir);
    }

    private static CallEvent.Builder event(String id, int second, CallEventKind kind) {
        return CallEvent.builder("ami", "call-1", id, T0.plusSeconds(second), kind);
    }
}
