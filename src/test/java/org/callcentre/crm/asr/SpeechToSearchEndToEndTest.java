package org.callcentre.crm.asr;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.jobs.CallJobQueue;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.RequiredTool;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline with a real recognizer: espeak-ng speaks an operator and a client onto the two
 * channels of an Asterisk-style recording, the fetch job picks it up, PocketSphinx transcribes each
 * channel, and the call is found by a word the client said.
 */
@MicronautTest(transactional = false)
@Property(name = "crm.asr.engine", value = "pocketsphinx")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeechToSearchEndToEndTest implements TestPropertyProvider {
    private Path monitorDir;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    CallJobQueue queue;

    @Override
    public Map<String, String> getProperties() {
        try {
            monitorDir = Files.createTempDirectory("asterisk-monitor");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("crm.recordings.asterisk-dir", monitorDir.toString());
    }

    @BeforeEach
    void reset() {
        data.reset();
        RequiredTool.require("pocketsphinx_continuous", "apt-get install pocketsphinx pocketsphinx-en-us");
    }

    @Test
    void aStereoRecordingIsTranscribedPerSpeakerStoredAndFoundByTheClientsWords() throws Exception {
        long city = data.city("Казань", "Europe/Moscow");
        data.user("super", "supervisor", null, null);
        Path operator = SpeechFiles.speak("hello how can I help you", 22050, 1, monitorDir);
        Path caller = SpeechFiles.speak("my computer is broken please call me back tomorrow", 22050, 1, monitorDir);
        Path stereo = SpeechFiles.stereo(operator, caller, monitorDir);
        Files.move(stereo, monitorDir.resolve("in-1001.wav"));
        long callId = call(city, "1001.1", "/var/spool/asterisk/monitor/in-1001.wav");
        queue.enqueue(callId, CallJobQueue.FETCH_RECORDING);

        SpeechFiles.await("the transcript", () -> data.db().queryLong("SELECT count(*) FROM call_jobs WHERE status = 'done'") == 2, 60_000);
        List<String> clientWords = data.db().query("SELECT w->>'word' FROM transcripts, jsonb_array_elements(words) w "
                + "WHERE w->>'speaker' = 'client' ORDER BY (w->>'start')::float", rs -> rs.getString(1));
        assertTrue(clientWords.contains("broken"), "client words: " + clientWords);
        assertTrue(data.db().queryLong("SELECT count(*) FROM transcripts, jsonb_array_elements(words) w "
                + "WHERE (w->>'end')::float > (w->>'start')::float AND (w->>'confidence')::float BETWEEN 0 AND 1") > 0);
        assertEquals("pocketsphinx", data.db().queryOne("SELECT engine FROM transcripts", rs -> rs.getString(1)).orElseThrow());

        Api api = new Api(client).login("super", TestData.PASSWORD);
        List<Map<String, Object>> found = api.get("/api/calls?text=broken").list();
        assertEquals(List.of(callId), found.stream().map(c -> ((Number) c.get("id")).longValue()).toList());
        assertEquals(List.of(), api.get("/api/calls?text=refrigerator").list());
        assertEquals(400, api.get("/api/calls?text=" + "x".repeat(201)).status());

        Map<String, Object> view = api.get("/api/calls/" + callId + "/transcript").data();
        assertTrue(String.valueOf(view.get("jobs")).contains("status=done"), String.valueOf(view.get("jobs")));
        assertTrue(String.valueOf(((Map<?, ?>) view.get("transcript")).get("text")).contains("broken"));
    }

    @Test
    void aJobLeftRunningByAProcessThatDiedIsTakenOverWhenItsLeaseRunsOutAndOneHandedBackAtShutdownRunsAgain() throws Exception {
        long city = data.city("Казань", "Europe/Moscow");
        Path first = SpeechFiles.speak("tomorrow", 16000, 1, monitorDir);
        Files.move(first, monitorDir.resolve("in-2001.wav"));
        Path second = SpeechFiles.speak("tomorrow", 16000, 1, monitorDir);
        Files.move(second, monitorDir.resolve("in-2002.wav"));
        long orphaned = call(city, "2001.1", "in-2001.wav");
        long handedBack = call(city, "2002.1", "in-2002.wav");
        // a worker of an earlier process claimed it and died: its lease ran out a minute ago
        data.db().update("INSERT INTO call_jobs (call_id, kind, status, attempts, worker, lease_until) "
                + "VALUES (?, 'fetch_recording', 'running', 1, 'pid-that-died', now() - interval '1 minute')", orphaned);
        // a worker still holding its lease is left alone until it hands the job back on shutdown
        data.db().update("INSERT INTO call_jobs (call_id, kind, status, attempts, worker, lease_until) "
                + "VALUES (?, 'fetch_recording', 'running', 1, 'stopping-process', now() + interval '1 hour')", handedBack);

        SpeechFiles.await("the orphaned job to finish", () -> data.db().queryLong(
                "SELECT count(*) FROM transcripts WHERE call_id = ?", orphaned) == 1, 60_000);
        assertEquals("running", data.db().queryOne("SELECT status FROM call_jobs WHERE call_id = ?", rs -> rs.getString(1), handedBack).orElseThrow());

        assertEquals(1, queue.release("stopping-process"));
        SpeechFiles.await("both calls' jobs to finish", () -> data.db().queryLong(
                "SELECT count(*) FROM call_jobs WHERE status = 'done'") == 4, 60_000);
        assertEquals(2, data.count("transcripts"));
        assertEquals(List.of("done:2", "done:1", "done:1", "done:1"), data.db().query(
                "SELECT status || ':' || attempts FROM call_jobs ORDER BY call_id, kind", rs -> rs.getString(1)),
                "fetch then transcribe for each call; the orphan's attempt count includes the dead worker's");
    }

    private long call(long cityId, String linkedId, String recordingRef) {
        Instant start = Instant.parse("2026-03-10T08:00:00Z");
        return data.db().insert("INSERT INTO calls (source, external_id, city_id, direction, status, created_at, answered_at, ended_at, "
                + "recording_ref) VALUES ('ami', ?, ?, 'inbound', 'answered', ?, ?, ?, ?) RETURNING id",
                linkedId, cityId, start, start.plusSeconds(5), start.plusSeconds(60), recordingRef);
    }
}
