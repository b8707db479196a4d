package org.callcentre.crm.reports;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that goes away halfway through a large download ends the export: its writer stops and
 * its database connection goes back to the pool at once, not after the writer's stall timeout.
 */
@MicronautTest(transactional = false)
class AbandonedDownloadTest {
    private static final String EXPORTS_OPEN = "SELECT count(*) FROM pg_stat_activity "
            + "WHERE query LIKE 'SELECT c.id, %' AND state <> 'idle'";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EmbeddedServer server;
    @Inject
    TestData data;

    @Test
    void aDroppedDownloadGivesItsConnectionBack() throws Exception {
        CallCentre centre = CallCentre.open(data);
        // About 40 MB of CSV: far more than the socket buffers and the pipe between them hold.
        data.db().update("INSERT INTO calls (source, external_id, city_id, client_phone, direction, status, operator_id, "
                        + "created_at, note) "
                        + "SELECT 'mango', 'bulk-' || g, ?, '+79160000000', 'inbound', 'answered', ?, "
                        + "timestamptz '2025-03-01 00:00:00+00' + g * interval '1 minute', repeat('Примечание ', 80) "
                        + "FROM generate_series(1, 40000) g",
                centre.kazan, centre.olga);
        String token = new Downloads(server, new Api(client)).token("boss");

        try (Socket socket = new Socket("localhost", server.getPort())) {
            OutputStream request = socket.getOutputStream();
            request.write(("GET /api/reports/calls?format=csv HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.flush();
            readAtLeast(socket.getInputStream(), 100_000);
            assertEquals(1, data.db().queryLong(EXPORTS_OPEN), "the paused export waits for its client");
        }
        eventually(() -> data.db().queryLong(EXPORTS_OPEN) == 0, "the dropped export gave its connection back");
    }

    private static void readAtLeast(InputStream in, int bytes) throws IOException {
        byte[] buffer = new byte[8192];
        for (int total = 0; total < bytes; ) {
            int n = in.read(buffer);
            assertTrue(n > 0, "the download ended early");
            total += n;
        }
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), what);
            Thread.sleep(100);
        }
    }
}
