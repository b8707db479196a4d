package org.callcentre.crm.reports;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A download holds a pooled connection for as long as its client takes to read it, so slow downloads
 * are capped: one per user here (429 past it), two in all (503 past it), both with Retry-After and a
 * message, and a slot comes back when its client goes away.
 */
@MicronautTest(transactional = false)
@Property(name = "crm.reports.max-exports-per-user", value = "1")
@Property(name = "crm.reports.max-exports", value = "2")
class ExportLimitsTest {
    private static final String EXPORTS_OPEN = "SELECT count(*) FROM pg_stat_activity "
            + "WHERE query LIKE 'SELECT c.id, %' AND state <> 'idle'";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EmbeddedServer server;
    @Inject
    TestData data;

    /** The head of an answer (status line and headers) and the socket, still open, the rest would come on. */
    private record Answer(Socket socket, String head) implements AutoCloseable {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void slowDownloadsAreCappedPerUserAndInAllAndASlotComesBackWhenItsClientLeaves() throws Exception {
        CallCentre centre = CallCentre.open(data);
        // About 40 MB of CSV: far more than the socket buffers and the pipe hold, so an unread download stays open.
        data.db().update("INSERT INTO calls (source, external_id, city_id, client_phone, direction, status, operator_id, "
                        + "created_at, note) "
                        + "SELECT 'mango', 'bulk-' || g, ?, '+79160000000', 'inbound', 'answered', ?, "
                        + "timestamptz '2025-03-01 00:00:00+00' + g * interval '1 minute', repeat('Примечание ', 80) "
                        + "FROM generate_series(1, 40000) g",
                centre.kazan, centre.olga);
        Downloads downloads = new Downloads(server, new Api(client));
        String boss = downloads.token("boss");
        String sue = downloads.token("sue");
        String olga = downloads.token("olga");

        try (Answer first = download(boss)) {
            assertEquals(200, first.status(), first.head());
            try (Answer second = download(boss)) {
                assertEquals(429, second.status(), second.head());
                assertTrue(second.head().contains("Retry-After: "), second.head());
                assertTrue(second.head().contains("downloads in progress"), second.head());
            }
            try (Answer bySue = download(sue)) {
                assertEquals(200, bySue.status(), bySue.head());
                try (Answer byOlga = download(olga)) {
                    assertEquals(503, byOlga.status(), byOlga.head());
                    assertTrue(byOlga.head().contains("Retry-After: "), byOlga.head());
                    assertTrue(byOlga.head().contains("try again shortly"), byOlga.head());
                }
                assertEquals(2, data.db().queryLong(EXPORTS_OPEN), "only the two admitted downloads hold a connection");
            }
        }
        Eventually.until("the slots come back once their clients left", () -> {
            try (Answer again = download(olga)) {
                return again.status() == 200;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** A download whose client reads the head and a little of the file, then nothing. */
    private Answer download(String token) throws IOException {
        Socket socket = new Socket("localhost", server.getPort());
        socket.getOutputStream().write(("GET /api/reports/calls?format=csv HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.UTF_8);
        // read on a little, so that the body's writer has started and holds its connection
        in.readNBytes(text.startsWith("HTTP/1.1 200") ? 100_000 : 0);
        return new Answer(socket, text + bodyOfRefusal(text, in));
    }

    private static String bodyOfRefusal(String head, InputStream in) throws IOException {
        if (head.startsWith("HTTP/1.1 200")) {
            return "";
        }
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length: ")) {
                return new String(in.readNBytes(Integer.parseInt(line.substring(16).trim())), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
