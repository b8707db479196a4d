package org.callcentre.crm.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill <pid>} (what {@code docker stop} and systemd send) and {@code kill -9} of the packaged jar on a data
 * directory of its own: the service stops within Docker's 10 s grace with what it acknowledged stored, its embedded
 * PostgreSQL stops after the application and before the JVM exits, and a server orphaned by {@code kill -9} is taken
 * over by the next start.
 */
class EmbeddedPostgresStopsLastIT {
    private static final int WEBHOOKS = 40;
    /** What the pool and the workers log when the database goes away under them. */
    private static final Pattern DATABASE_GONE = Pattern.compile(
            "SQLSTATE\\(08|Connection is closed|Connection refused|Connection is not available|Error disposing bean|the database system is shutting down");

    @TempDir
    Path dataDir;

    @Test
    void sigtermDrainsAcknowledgedEventsAndStopsPostgresAfterTheApplicationWithinTenSeconds() throws Exception {
        try (ServiceProcess service = new ServiceProcess(dataDir, Map.of(
                "CRM_MANGO_API_KEY", MangoWebhooks.KEY, "CRM_MANGO_API_SALT", MangoWebhooks.SALT,
                "CRM_WEBHOOK_REQUESTS_PER_SECOND", "1000000", "CRM_WEBHOOK_BURST", "1000000"))) {
            service.start();
            ProcessHandle postgres = postmaster();
            acknowledgeSummaries(service);

            Duration stop = service.terminate();

            assertFalse(postgres.isAlive(), "PostgreSQL (pid " + postgres.pid() + ") outlived the JVM");
            assertTrue(stop.compareTo(Duration.ofSeconds(10)) <= 0, "stopped in " + stop.toMillis() + " ms");
            String shutdown = shutdownLog(service.log());
            assertFalse(DATABASE_GONE.matcher(shutdown).find(), "the database went away before the application stopped:\n" + shutdown);
            assertTrue(shutdown.indexOf("Shutdown completed") < shutdown.indexOf("Embedded PostgreSQL stopped")
                    && shutdown.contains("Shutdown completed"), "the pool closes before PostgreSQL stops:\n" + shutdown);
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection db = postgres.getPostgresDatabase().getConnection()) {
            assertEquals(WEBHOOKS, count(db, "SELECT count(*) FROM calls WHERE external_id LIKE 'stop-test-%'"), "every acknowledged call stored");
            assertEquals(0, count(db, "SELECT count(*) FROM telephony_inbox WHERE processed_at IS NULL"), "nothing left unapplied in the inbox");
        }
        assertTrue(spoolIsEmpty(), "no call event left in the spool");
    }

    @Test
    void theNextStartTakesOverAfterKillNineAndSigtermWhileStartingLeavesNoServer() throws Exception {
        try (ServiceProcess service = new ServiceProcess(dataDir, Map.of())) {
            service.start();
            ProcessHandle orphan = postmaster();
            service.kill();
            assertTrue(orphan.isAlive(), "kill -9 leaves the server running (what the next start must take over)");

            service.start();
            assertTrue(service.log().contains("Stopping a PostgreSQL left running by an earlier process (pid " + orphan.pid() + ")"), service.log());
            assertFalse(orphan.isAlive());
            service.get(service.login(), "/api/cities");
            service.terminate();

            // The moments a SIGTERM meets a service still starting: its server starting, then its context starting.
            for (String moment : List.of("postmaster.pid", "Embedded PostgreSQL on port")) {
                Process starting = service.launch();
                awaitMoment(service, starting, moment);
                ProcessHandle postgres = postmaster();
                service.terminate();
                assertFalse(postgres.isAlive(), "SIGTERM at '" + moment + "': PostgreSQL (pid " + postgres.pid() + ") outlived the JVM\n" + service.log());
            }

            service.start();
            service.get(service.login(), "/api/cities");
        }
    }

    private void acknowledgeSummaries(ServiceProcess service) throws Exception {
        long start = System.currentTimeMillis() / 1000 - 3600;
        ExecutorService mango = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = IntStream.range(0, WEBHOOKS)
                    .mapToObj(call -> mango.submit(() -> service.postMango("events/summary", MangoWebhooks.summaryJson(
                            "stop-test-" + call, "7916%07d".formatted(call), start + call, start + call + 5, start + call + 65, ""))))
                    .toList();
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            mango.shutdown();
        }
    }

    private ProcessHandle postmaster() throws IOException {
        String firstLine = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim();
        return ProcessHandle.of(Long.parseLong(firstLine)).orElseThrow(() -> new AssertionError("no PostgreSQL with pid " + firstLine));
    }

    /** Waits until the starting process has reached a moment: a file in the server's directory or a log line. */
    private void awaitMoment(ServiceProcess service, Process starting, String moment) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(starting.isAlive(), "the service exited while starting:\n" + service.log());
            if (Files.exists(dataDir.resolve("postgres").resolve(moment)) || service.log().contains(moment)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the service never reached '" + moment + "'");
    }

    private static String shutdownLog(String log) {
        int start = log.indexOf("shutting down");
        assertTrue(start >= 0, "the service logged its shutdown:\n" + log);
        return log.substring(start);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean spoolIsEmpty() throws IOException {
        Path spool = dataDir.resolve("spool");
        if (!Files.isDirectory(spool)) {
            return true;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.allMatch(file -> file.toFile().length() == 0);
        }
    }
}
