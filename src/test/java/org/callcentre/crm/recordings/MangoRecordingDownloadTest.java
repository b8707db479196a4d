package org.callcentre.crm.recordings;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.asr.SpeechFiles;
import org.callcentre.crm.telephony.mango.MangoSignature;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A local HTTP server that behaves like Mango's {@code queries/recording/post}: it checks the
 * signature, answers "not ready" first, then redirects to a one-time link serving the MP3.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MangoRecordingDownloadTest implements TestPropertyProvider {
    private HttpServer mango;
    private final AtomicInteger downloadRequests = new AtomicInteger();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger served = new AtomicInteger();
    private volatile byte[] mp3;
    /** Serve the file without a length, as a stream that only says how long it was when it ends. */
    private volatile boolean chunked;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;

    @Override
    public Map<String, String> getProperties() {
        try {
            mango = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mango.createContext("/vpbx/queries/recording/post", exchange -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String json = form.get("json");
            boolean signed = MangoWebhooks.KEY.equals(form.get("vpbx_api_key"))
                    && MangoSignature.sign(MangoWebhooks.KEY, json, MangoWebhooks.SALT).equals(form.get("sign"));
            if (!signed || !json.contains("\"recording_id\":\"rec-77\"") || !json.contains("\"action\":\"download\"")) {
                refusals.add(String.valueOf(form));
                reply(exchange, 401, "application/json", "{\"result\":3102}".getBytes());
                return;
            }
            if (downloadRequests.incrementAndGet() == 1) {
                reply(exchange, 404, "application/json", "{\"result\":3320}".getBytes());
                return;
            }
            exchange.getResponseHeaders().add("Location", "/files/one-time-token");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        mango.createContext("/files/one-time-token", exchange -> {
            if (served.incrementAndGet() > 1) {
                reply(exchange, 410, "text/plain", "used".getBytes());
            } else if (chunked) {
                exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(mp3);
                exchange.close();
            } else {
                reply(exchange, 200, "audio/mpeg", mp3);
            }
        });
        mango.start();
        return Map.of("crm.mango.api-url", "http://127.0.0.1:" + mango.getAddress().getPort() + "/vpbx/",
                "crm.recordings.max-size", "64KB");
    }

    @AfterAll
    void stopMango() {
        mango.stop(0);
    }

    @BeforeEach
    void reset() {
        data.reset();
        downloadRequests.set(0);
        served.set(0);
        chunked = false;
    }

    /** Past crm.recordings.max-size the download stops as the bytes arrive, and the job fails for good: no retry, no row. */
    @Test
    void aRecordingOverTheSizeLimitIsNotStoredAndNotRetried() throws Exception {
        mp3 = new byte[100 * 1024];
        chunked = true;
        downloadRequests.set(1); // ready at once
        long kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('rk-kzn', ?, '+78432507713', 'site')", kazan);
        MangoWebhooks webhooks = new MangoWebhooks(client, data.db());
        assertEquals(200, webhooks.summary("entry-2", "79161234567", 1_773_000_000L, 1_773_000_010L, 1_773_000_100L, null));
        assertEquals(200, webhooks.post("events/recording", """
                {"recording_id":"rec-77","recording_state":"Completed","entry_id":"entry-2","call_id":"leg-2","extension":"101","timestamp":1773000101}"""));
        webhooks.awaitApplied();
        SpeechFiles.await("the fetch to fail", () -> data.db().queryLong(
                "SELECT count(*) FROM call_jobs WHERE kind = 'fetch_recording' AND status = 'failed'") == 1, 20_000);

        Map<String, Object> job = data.db().queryOne("SELECT attempts, last_error FROM call_jobs WHERE kind = 'fetch_recording'",
                rs -> Map.<String, Object>of("attempts", rs.getInt(1), "error", rs.getString(2))).orElseThrow();
        assertEquals(1, job.get("attempts"), "refused for good, not retried");
        assertTrue(String.valueOf(job.get("error")).contains("larger than 65536 bytes"), String.valueOf(job.get("error")));
        assertEquals(0, data.count("recordings"));
        assertEquals(1, served.get());
    }

    @Test
    void aCompletedMangoRecordingIsDownloadedAfterANotReadyAnswerAndStreamsWithRangesOnlyToThoseWhoMaySeeTheCall(@TempDir Path dir)
            throws Exception {
        mp3 = Files.readAllBytes(SpeechFiles.mp3(SpeechFiles.speak("please repair my washing machine", 8000, 1, dir), dir));
        long kazan = data.city("Казань", "Europe/Moscow");
        long moscow = data.city("Москва", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('rk-kzn', ?, '+78432507713', 'site')", kazan);
        data.user("super", "supervisor", null, null);
        data.user("kazan-op", "operator", kazan, "101");
        data.user("moscow-op", "operator", moscow, "102");

        MangoWebhooks webhooks = new MangoWebhooks(client, data.db());
        assertEquals(200, webhooks.summary("entry-1", "79161234567", 1_773_000_000L, 1_773_000_010L, 1_773_000_100L, "101"));
        assertEquals(200, webhooks.post("events/recording", """
                {"recording_id":"rec-77","recording_state":"Completed","entry_id":"entry-1","call_id":"leg-1","extension":"101","timestamp":1773000101}"""));
        webhooks.awaitApplied();
        SpeechFiles.await("the recording to be stored", () -> data.db().queryLong(
                "SELECT count(*) FROM call_jobs WHERE kind = 'fetch_recording' AND status = 'done'") == 1, 20_000);
        assertEquals(1, data.count("recordings"));

        assertEquals(2, downloadRequests.get(), "one not-ready answer, then the download");
        assertEquals(List.of(), refusals);
        Map<String, Object> job = data.db().queryOne("SELECT status, attempts FROM call_jobs WHERE kind = 'fetch_recording'",
                rs -> Map.<String, Object>of("status", rs.getString(1), "attempts", rs.getInt(2))).orElseThrow();
        assertEquals(Map.of("status", "done", "attempts", 2), job);
        assertEquals(1, data.db().queryLong("SELECT count(*) FROM call_jobs WHERE kind = 'transcribe'"), "transcription queued");
        String uuid = data.db().queryOne("SELECT id::text FROM recordings", rs -> rs.getString(1)).orElseThrow();

        Api api = new Api(client);
        String supervisor = token(api, "super");
        HttpResponse<byte[]> whole = client.toBlocking().exchange(HttpRequest.GET("/api/recordings/" + uuid).bearerAuth(supervisor), byte[].class);
        assertEquals(200, whole.code());
        assertEquals("audio/mpeg", whole.getContentType().orElseThrow().toString());
        assertArrayEquals(mp3, whole.body());

        HttpResponse<byte[]> part = client.toBlocking().exchange(HttpRequest.GET("/api/recordings/" + uuid)
                .bearerAuth(token(api, "kazan-op")).header("Range", "bytes=100-1099"), byte[].class);
        assertEquals(206, part.code());
        assertEquals("bytes 100-1099/" + mp3.length, part.header("Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(mp3, 100, 1100), part.body());

        assertEquals(403, status(HttpRequest.GET("/api/recordings/" + uuid).bearerAuth(token(api, "moscow-op"))));
        assertEquals(401, status(HttpRequest.GET("/api/recordings/" + uuid)));
        assertEquals(404, status(HttpRequest.GET("/api/recordings/" + java.util.UUID.randomUUID()).bearerAuth(supervisor)));
        assertEquals(400, status(HttpRequest.GET("/api/recordings/42").bearerAuth(supervisor)));

        List<String> audit = data.db().query("SELECT actor_login || ':' || (changes->>'allowed') FROM audit_log "
                + "WHERE entity = 'recording' AND action = 'listen' ORDER BY id", rs -> rs.getString(1));
        assertEquals(List.of("super:true", "kazan-op:true", "moscow-op:false"), audit);

        Map<String, Object> transcript = api.as(supervisor).get("/api/calls/" + callId() + "/transcript").data();
        assertEquals(uuid, transcript.get("recordingId"));
        assertTrue(String.valueOf(transcript.get("jobs")).contains("fetch_recording"));

        // no Vosk model here: the MP3 decodes, then the job fails for good with the reason, and the service carries on
        SpeechFiles.await("the transcription to fail", () -> data.db().queryLong(
                "SELECT count(*) FROM call_jobs WHERE kind = 'transcribe' AND status = 'failed'") == 1 || voskModelPresent(), 20_000);
        if (!voskModelPresent()) {
            String reason = data.db().queryOne("SELECT last_error FROM call_jobs WHERE kind = 'transcribe'", rs -> rs.getString(1)).orElseThrow();
            assertTrue(reason.startsWith("Vosk model not found in "), reason);
            assertEquals(200, api.as(supervisor).get("/api/calls").status());

            // once a model is installed, a supervisor queues the transcription again; operators may not
            assertEquals(403, api.as(token(api, "kazan-op")).post("/api/calls/" + callId() + "/transcript/retry", Map.of()).status());
            Api.Reply retried = api.as(supervisor).post("/api/calls/" + callId() + "/transcript/retry", Map.of());
            assertEquals(200, retried.status());
            assertEquals(1, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'call_job' AND action = 'retry'"));
            SpeechFiles.await("the retried transcription to run", () -> data.db().queryLong(
                    "SELECT count(*) FROM call_jobs WHERE kind = 'transcribe' AND status = 'failed' AND attempts = 1 "
                            + "AND updated_at > (SELECT max(at) FROM audit_log)") == 1, 20_000);
        }
    }

    private static boolean voskModelPresent() {
        return Files.isDirectory(Path.of("asr-models/vosk-model-small-ru-0.22"));
    }

    private long callId() {
        return data.db().queryLong("SELECT id FROM calls");
    }

    private static String token(Api api, String login) {
        Api.Reply reply = api.post("/api/auth/login", Map.of("login", login, "password", TestData.PASSWORD));
        return (String) reply.body().get("accessToken");
    }

    private int status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, byte[].class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
