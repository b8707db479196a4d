package org.callcentre.crm.recordings;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.asr.PcmStream;
import org.callcentre.crm.asr.SpeechFiles;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 40-minute call recording, served by a local HTTP server speaking Mango's recording API (made as it is
 * sent, never whole in the server either), goes through the real download, WAV decoding and resampling to
 * the recognizer a block at a time: the recognizer is never handed more than one decoder block's worth of
 * samples (upsampled 8 → 16 kHz: 8 192), however long the call, where it used to get the whole call in one
 * array (38 400 000 samples here). Duration and size stay within the caps, which the other recording tests
 * cover.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongRecordingsAreTranscribedInBlocksTest implements TestPropertyProvider {
    private static final int RATE = 8_000;
    private static final int MINUTES = 40;
    private static final long FRAMES = (long) MINUTES * 60 * RATE;

    private HttpServer mango;
    private final AtomicLong bytesServed = new AtomicLong();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    BlockCountingTranscriber recognizer;

    @Override
    public Map<String, String> getProperties() {
        try {
            mango = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mango.createContext("/vpbx/queries/recording/post", this::serveLongWav);
        mango.start();
        return Map.of("crm.mango.api-url", "http://127.0.0.1:" + mango.getAddress().getPort() + "/vpbx/",
                "crm.asr.engine", "counting");
    }

    @AfterAll
    void stopMango() {
        mango.stop(0);
    }

    @Test
    void aLongRecordingReachesTheRecognizerInBlocksOfBoundedSize() throws Exception {
        data.reset();
        recognizer.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('rk-kzn', ?, '+78432507713', 'site')", kazan);
        MangoWebhooks webhooks = new MangoWebhooks(client, data.db());
        assertEquals(200, webhooks.summary("entry-long", "79161234567", 1_773_000_000L, 1_773_000_010L, 1_773_002_410L, null));
        assertEquals(200, webhooks.post("events/recording", """
                {"recording_id":"rec-long","recording_state":"Completed","entry_id":"entry-long","call_id":"leg-1","timestamp":1773002411}"""));
        webhooks.awaitApplied();
        SpeechFiles.await("the long recording to be transcribed", () -> data.db().queryLong(
                "SELECT count(*) FROM call_jobs WHERE kind = 'transcribe' AND status IN ('done', 'failed')") == 1, 120_000);
        assertEquals("done", data.db().queryOne("SELECT status || coalesce(': ' || last_error, '') FROM call_jobs WHERE kind = 'transcribe'",
                rs -> rs.getString(1)).orElseThrow());

        assertEquals(44 + FRAMES * 2, bytesServed.get(), "the whole file was served");
        assertEquals(44 + FRAMES * 2, data.db().queryLong("SELECT size_bytes FROM recordings"), "and stored whole");
        assertEquals(MINUTES * 60.0, data.db().queryOne("SELECT audio_seconds FROM transcripts", rs -> rs.getDouble(1)).orElseThrow(), 0.001);
        long expectedSamples = FRAMES * BlockCountingTranscriber.SAMPLE_RATE / RATE;
        assertEquals(expectedSamples, recognizer.samples.get(), "every sample reached the recognizer, resampled to 16 kHz");
        long largestAllowed = (long) PcmStream.BLOCK_FRAMES * BlockCountingTranscriber.SAMPLE_RATE / RATE + 1;
        assertTrue(recognizer.largestBlock.get() <= largestAllowed,
                "the recognizer was handed " + recognizer.largestBlock.get() + " samples at once; at most " + largestAllowed);
        assertTrue(recognizer.blocks.get() >= expectedSamples / largestAllowed,
                recognizer.blocks.get() + " blocks for " + expectedSamples + " samples");
    }

    /** Mango's answer to a download: the WAV itself, a 300 Hz tone written as it is sent. */
    private void serveLongWav(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "audio/wav");
        exchange.sendResponseHeaders(200, 44 + FRAMES * 2);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes()).putInt((int) (36 + FRAMES * 2)).put("WAVE".getBytes())
                    .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                    .putShort((short) 2).putShort((short) 16)
                    .put("data".getBytes()).putInt((int) (FRAMES * 2));
            out.write(header.array());
            byte[] block = new byte[RATE * 2];
            for (long second = 0; second < FRAMES / RATE; second++) {
                for (int i = 0; i < RATE; i++) {
                    short sample = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / RATE));
                    block[2 * i] = (byte) sample;
                    block[2 * i + 1] = (byte) (sample >> 8);
                }
                out.write(block);
            }
            bytesServed.addAndGet(44 + FRAMES * 2);
        }
        exchange.close();
    }
}
