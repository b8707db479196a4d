package org.callcentre.crm.recordings;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily clean-up deletes recordings older than the retention setting (180 days by default), row and file. */
@MicronautTest(transactional = false)
class RecordingRetentionTest {
    @Inject
    TestData data;
    @Inject
    RecordingStore store;
    @Inject
    RecordingRetention retention;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void recordingsPastTheRetentionPeriodAreDeletedAndNewerOnesKept() throws Exception {
        Path old = stored(Instant.now().minus(181, ChronoUnit.DAYS));
        Path recent = stored(Instant.now().minus(179, ChronoUnit.DAYS));

        assertEquals(1, retention.cleanUp());

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
        assertEquals(List.of(recent.getFileName().toString()),
                data.db().query("SELECT file_name FROM recordings", rs -> rs.getString(1)));
        assertEquals(0, retention.cleanUp());
    }

    private Path stored(Instant at) throws Exception {
        long callId = data.db().insert("INSERT INTO calls (source, external_id, direction, status, created_at) "
                + "VALUES ('ami', ?, 'inbound', 'answered', ?) RETURNING id", UUID.randomUUID().toString(), at);
        Path temporary = store.newTemporaryFile();
        Files.writeString(temporary, "RIFF");
        UUID id = UUID.randomUUID();
        String name = store.keep(temporary, id, "audio/wav");
        data.db().update("INSERT INTO recordings (id, call_id, source_ref, file_name, content_type, size_bytes, created_at) "
                + "VALUES (?, ?, 'x.wav', ?, 'audio/wav', 4, ?)", id, callId, name, at);
        return store.path(name);
    }
}
