package org.callcentre.crm.jobs;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import org.callcentre.crm.bootstrap.LocalStateConfigurer;
import io.micronaut.runtime.server.EmbeddedServer;
import org.callcentre.crm.asr.SpeechFiles;
import org.callcentre.crm.testing.RequiredTool;
import org.callcentre.crm.testing.TestData;
import org.callcentre.crm.shared.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service is stopped while its queue is half worked through, then started again: every job
 * still ends done, each recording transcribed once. (A process that dies without stopping is covered
 * by the lease test in {@code SpeechToSearchEndToEndTest}.)
 */
class TranscriptionSurvivesRestartTest {
    private static final int CALLS = 6;

    /** A whole service as {@code java -jar} starts it, on the test JVM's embedded PostgreSQL. */
    private static EmbeddedServer start(Map<String, Object> properties) {
        ApplicationContextBuilder builder = ApplicationContext.builder().environments("test").properties(properties);
        new LocalStateConfigurer().configure(builder);
        return builder.start().getBean(EmbeddedServer.class).start();
    }

    @Test
    void stoppingTheServiceMidQueueLosesNoTranscriptionJob(@TempDir Path monitorDir) throws Exception {
        RequiredTool.require("pocketsphinx_continuous", "apt-get install pocketsphinx pocketsphinx-en-us");
        Map<String, Object> properties = Map.of("crm.asr.engine", "pocketsphinx", "crm.jobs.workers", 1,
                "crm.recordings.asterisk-dir", monitorDir.toString());

        EmbeddedServer first = start(properties);
        try {
            TestData data = first.getApplicationContext().getBean(TestData.class);
            data.reset();
            Db db = data.db();
            long city = data.city("Казань", "Europe/Moscow");
            CallJobQueue queue = first.getApplicationContext().getBean(CallJobQueue.class);
            for (int i = 0; i < CALLS; i++) {
                Path speech = SpeechFiles.speak("please call me back tomorrow number " + i, 16000, 1, monitorDir);
                Files.move(speech, monitorDir.resolve("call-" + i + ".wav"));
                Instant start = Instant.parse("2026-03-10T08:00:00Z").plusSeconds(i * 600L);
                long callId = db.insert("INSERT INTO calls (source, external_id, city_id, direction, status, created_at, ended_at, recording_ref) "
                        + "VALUES ('ami', ?, ?, 'inbound', 'answered', ?, ?, ?) RETURNING id", "restart-" + i, city, start,
                        start.plusSeconds(60), "call-" + i + ".wav");
                queue.enqueue(callId, CallJobQueue.FETCH_RECORDING);
            }
            SpeechFiles.await("a first transcript", () -> db.queryLong("SELECT count(*) FROM transcripts") >= 1, 60_000);
        } finally {
            first.close();
        }
        // looked at by a service whose workers are off, so that nothing moves while it looks
        Map<String, Object> idle = new java.util.HashMap<>(properties);
        idle.put("crm.jobs.enabled", false);
        try (EmbeddedServer inspector = start(idle)) {
            Db stopped = inspector.getApplicationContext().getBean(Db.class);
            long doneBeforeRestart = stopped.queryLong("SELECT count(*) FROM transcripts");
            assertTrue(doneBeforeRestart < CALLS, "the queue was stopped half way (" + doneBeforeRestart + " of " + CALLS + " done)");
            assertEquals(0, stopped.queryLong("SELECT count(*) FROM call_jobs WHERE status = 'running'"), "running jobs were handed back");
        }

        try (EmbeddedServer second = start(properties)) {
            Db after = second.getApplicationContext().getBean(Db.class);
            SpeechFiles.await("every job done after the restart",
                    () -> after.queryLong("SELECT count(*) FROM call_jobs WHERE status = 'done'") == 2L * CALLS, 120_000);
            assertEquals(CALLS, after.queryLong("SELECT count(*) FROM transcripts"));
            assertEquals(CALLS, after.queryLong("SELECT count(*) FROM recordings"));
            List<String> failed = after.query("SELECT last_error FROM call_jobs WHERE status <> 'done'", rs -> rs.getString(1));
            assertEquals(List.of(), failed);
        }
    }
}
