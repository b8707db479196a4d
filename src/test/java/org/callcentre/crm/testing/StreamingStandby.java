package org.callcentre.crm.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

/**
 * A primary PostgreSQL and a real streaming standby of it, as an operator would run a read replica. The
 * embedded binaries have no {@code pg_basebackup}, so the standby starts from a copy of the primary's data
 * directory taken between {@code pg_backup_start} and {@code pg_backup_stop} (the non-exclusive low-level
 * backup), with the backup label written beside it, a {@code standby.signal} and a {@code primary_conninfo}
 * over a physical replication slot, so that the primary keeps the WAL the standby still needs.
 */
public final class StreamingStandby implements AutoCloseable {
    /** Not copied into a base backup (PostgreSQL's documentation: "Backup and Restore", the low-level API). */
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    private static final String SLOT = "read_replica";

    private final Path primaryDir;
    private final Path standbyDir;
    private final EmbeddedPostgres primary;
    private final int standbyPort;
    private EmbeddedPostgres standby;

    private StreamingStandby(Path primaryDir, Path standbyDir, EmbeddedPostgres primary, int standbyPort) {
        this.primaryDir = primaryDir;
        this.standbyDir = standbyDir;
        this.primary = primary;
        this.standbyPort = standbyPort;
    }

    public static StreamingStandby start() {
        Path primaryDir = TempDirs.create("replica-primary");
        Path standbyDir = TempDirs.create("replica-standby");
        try {
            EmbeddedPostgres primary = EmbeddedPostgres.builder().setDataDirectory(primaryDir).setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("timezone", "UTC")
                    .setServerConfig("wal_level", "replica").setServerConfig("max_wal_senders", "4").start();
            StreamingStandby pair = new StreamingStandby(primaryDir, standbyDir, primary, freePort());
            pair.baseBackup();
            pair.resumeStandby();
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String primaryUrl() {
        return primary.getJdbcUrl("postgres", "postgres");
    }

    public String standbyUrl() {
        return "jdbc:postgresql://localhost:" + standbyPort + "/postgres?user=postgres";
    }

    /** Stops applying WAL on the standby (it keeps receiving it): its data stays as it is now. */
    public void pauseReplay() {
        onStandby("SELECT pg_wal_replay_pause()");
        // a pause is only requested: replay stops at the next record it reaches
        Eventually.until("the standby's replay pauses",
                () -> "paused".equals(text(standbyUrl(), "SELECT pg_get_wal_replay_pause_state()")));
    }

    public void resumeReplay() {
        onStandby("SELECT pg_wal_replay_resume()");
    }

    /** Waits until the standby has applied everything the primary has written so far. */
    public void awaitCaughtUp() {
        long target = position(primaryUrl(), "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint");
        Eventually.until("the standby replays up to " + target,
                () -> position(standbyUrl(), "SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint") >= target);
    }

    public synchronized void stopStandby() {
        try {
            standby.close();
            standby = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void resumeStandby() throws IOException {
        standby = EmbeddedPostgres.builder().setDataDirectory(standbyDir).setCleanDataDirectory(false).setPort(standbyPort)
                .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("timezone", "UTC").start();
    }

    private void baseBackup() throws IOException {
        try (Connection connection = DriverManager.getConnection(primaryUrl()); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
            statement.execute("SELECT pg_backup_start('read replica', true)");
            copy(primaryDir, standbyDir);
            try (ResultSet rs = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                rs.next();
                Files.writeString(standbyDir.resolve("backup_label"), rs.getString(1));
                String tablespaces = rs.getString(2);
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(standbyDir.resolve("tablespace_map"), tablespaces);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("base backup of the primary failed", e);
        }
        Files.writeString(standbyDir.resolve("standby.signal"), "");
        Files.writeString(standbyDir.resolve("postgresql.auto.conf"),
                "primary_conninfo = 'host=localhost port=" + primary.getPort() + " user=postgres application_name=read_replica'\n"
                        + "primary_slot_name = '" + SLOT + "'\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** The data directory as it is, leaving out the server's own run files and the contents of pg_wal and pg_replslot. */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                String name = dir.getFileName().toString();
                return !dir.equals(from) && (name.equals("pg_wal") || name.equals("pg_replslot"))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!LEFT_OUT.contains(file.getFileName().toString())) {
                    try {
                        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException gone) {
                        // a temporary file the server removed meanwhile: the WAL replays whatever it held
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        Files.createDirectories(to.resolve("pg_wal").resolve("archive_status"));
    }

    private void onStandby(String sql) {
        try (Connection connection = DriverManager.getConnection(standbyUrl()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String text(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static long position(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (standby != null) {
                standby.close();
            }
            primary.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TempDirs.delete(standbyDir);
        TempDirs.delete(primaryDir);
    }
}
