package org.callcentre.crm.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL of its own for tests that take the database away: stopped and started again on
 * the same port and data directory, as a restarted server would be. The tests' shared instance is
 * never stopped, since every other test needs it.
 */
public final class StoppablePostgres implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private StoppablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static StoppablePostgres start() {
        try (ServerSocket probe = new ServerSocket(0)) {
            StoppablePostgres postgres = new StoppablePostgres(Files.createTempDirectory("stoppable-pg"), probe.getLocalPort());
            probe.close();
            postgres.resume();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** Pool settings for an application on this server: it gives up on a stopped server quickly. */
    public Map<String, String> quickPool() {
        return Map.of("datasources.default.connection-timeout", "300", "datasources.default.validation-timeout", "250");
    }

    /**
     * Points application contexts built from now on at this server, the way an operator points the
     * service at an external PostgreSQL (the start-up configurer reads these before any bean
     * exists), with the shared keys every node of one database must have. Undo with
     * {@link #forgetAsExternalDatabase()} once the context is up, so that no other test gets it.
     */
    public void useAsExternalDatabase() {
        System.setProperty("datasources.default.url", jdbcUrl());
        System.setProperty("crm.jwt.secret", "stoppable-postgres-test-jwt-secret-0123456789");
        System.setProperty("crm.secrets.key", java.util.Base64.getEncoder().encodeToString(new byte[32]));
    }

    public void forgetAsExternalDatabase() {
        System.clearProperty("datasources.default.url");
        System.clearProperty("crm.jwt.secret");
        System.clearProperty("crm.secrets.key");
    }

    /** Shuts the server down (fast mode: clients are disconnected), keeping its data. */
    public synchronized void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            throw new IllegalStateException("PostgreSQL still accepts connections on " + port + " after stopping");
        } catch (IOException refused) {
            // stopped, as wanted
        }
    }

    public synchronized void resume() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("timezone", "UTC").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void resumeIfStopped() {
        if (server == null) {
            resume();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
        TempDirs.delete(dataDir);
    }
}
