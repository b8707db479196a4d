package org.callcentre.crm.bootstrap;

import io.micronaut.context.BeanContext;
import io.micronaut.runtime.EmbeddedApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One real PostgreSQL per JVM, started before the application context so that the datasource,
 * Flyway and every repository see an ordinary JDBC URL. Tests start several contexts in one JVM;
 * they all share this instance.
 *
 * <p>Shutdown order matters: the JVM runs its shutdown hooks in parallel, so a server stopped by a hook of
 * its own (zonky's default) goes away while the application still drains events into it, and the pool then
 * waits on a dead server. One hook here stops the contexts that use the server first and the server last,
 * and it waits for the postmaster to exit, so the server never outlives the JVM.
 */
final class EmbeddedPostgresServer {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** Within Docker's default 10 s grace, with room left for the server's own stop. */
    private static final Duration CONTEXT_STOP_WAIT = Duration.ofSeconds(7);
    /** A shutdown checkpoint on a slow disk may take a while; the JVM does not exit before it ends. */
    private static final Duration POSTMASTER_EXIT_WAIT = Duration.ofSeconds(60);
    private static final Set<BeanContext> USERS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private static EmbeddedPostgres instance;
    private static ProcessHandle postmaster;
    private static boolean hookRegistered;
    private static boolean stopped;

    private EmbeddedPostgresServer() {
    }

    /** @param dataDirectory where the cluster lives between runs; empty for a throw-away cluster */
    static synchronized String jdbcUrl(Optional<Path> dataDirectory) {
        if (instance == null) {
            if (stopped) {
                throw new IllegalStateException("The JVM is shutting down: the embedded PostgreSQL is not started again");
            }
            if (!hookRegistered) {
                // Before the server starts: a SIGTERM during the start still stops it (the hook waits for this lock).
                // During a shutdown already under way this throws, and no server is started to outlive the JVM.
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::shutdown, "embedded-postgres-stop"));
                hookRegistered = true;
            }
            instance = start(dataDirectory);
            postmaster = postmasterOf(instance);
        }
        return instance.getJdbcUrl("postgres", "postgres");
    }

    /** A context whose datasource points at this server: the shutdown hook stops it before the server. */
    static void usedBy(BeanContext context) {
        USERS.add(context);
    }

    private static EmbeddedPostgres start(Optional<Path> dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
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

    /** The server process itself: pg_ctl starts it detached, so it is no child of this JVM. */
    private static ProcessHandle postmasterOf(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            return ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                    .orElseThrow(() -> new IllegalStateException("no postmaster above backend " + backend));
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL does not answer", e);
        }
    }

    /**
     * A JVM killed with -9 leaves its PostgreSQL running and holding the data directory; the next start would
     * fail on the lock, so the orphan is asked to shut down first (its sessions died with that JVM).
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
        Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(firstLine))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isPresent()) {
            LOG.warn("Stopping a PostgreSQL left running by an earlier process (pid {})", orphan.get().pid());
            orphan.get().destroy();
            if (!awaitExit(orphan.get(), POSTMASTER_EXIT_WAIT)) {
                throw new IllegalStateException("The PostgreSQL left running by an earlier process (pid "
                        + orphan.get().pid() + ") did not stop within " + POSTMASTER_EXIT_WAIT.toSeconds() + " s");
            }
        }
    }

    private static void shutdown() {
        stopUsers();
        stopServer();
    }

    /**
     * Stops the HTTP server and then the context (draining events into a live database), each on a thread of
     * its own so that a context still starting — whose start holds the lock that stop needs — cannot keep the
     * JVM up beyond the grace a supervisor gives; Micronaut's own hook doing the same at the same time is harmless.
     */
    private static void stopUsers() {
        List<BeanContext> contexts;
        synchronized (USERS) {
            contexts = new ArrayList<>(USERS);
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (BeanContext context : contexts) {
            stops.add(CompletableFuture.runAsync(() -> stop(context), runnable -> {
                Thread thread = new Thread(runnable, "context-stop");
                thread.setDaemon(true);
                thread.start();
            }));
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(CONTEXT_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("The application did not stop within {} s; stopping PostgreSQL anyway", CONTEXT_STOP_WAIT.toSeconds());
        } catch (ExecutionException e) {
            LOG.warn("The application did not stop cleanly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(BeanContext context) {
        if (context.isRunning()) {
            context.findBean(EmbeddedApplication.class).ifPresent(EmbeddedApplication::stop);
            context.stop();
        }
    }

    private static synchronized void stopServer() {
        stopped = true;
        if (instance == null) {
            return;
        }
        try {
            instance.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
        // pg_ctl gives up after 5 s; the server may still be writing its shutdown checkpoint.
        if (awaitExit(postmaster, POSTMASTER_EXIT_WAIT)) {
            LOG.info("Embedded PostgreSQL stopped");
        } else {
            LOG.error("Embedded PostgreSQL (pid {}) still running {} s after the stop", postmaster.pid(), POSTMASTER_EXIT_WAIT.toSeconds());
        }
        instance = null;
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
