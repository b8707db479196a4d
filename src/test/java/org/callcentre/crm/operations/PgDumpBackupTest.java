package org.callcentre.crm.operations;

import org.callcentre.crm.testing.RequiredTool;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logical path of {@code scripts/backup-restore-check.sh} (pg_dump, pg_restore, row counts),
 * run against a PostgreSQL server whose major version matches the installed {@code pg_dump}:
 * Debian 12's PostgreSQL 15, started here from its own binaries on a spare port and holding the
 * CRM's schema and some rows. The dump the script wrote is restored once more by the test, and
 * every table's content and every sequence's position must equal the source's.
 */
class PgDumpBackupTest {
    private static final String BIN = "/usr/lib/postgresql/15/bin";
    private static final String HINT = "apt-get install postgresql-15 postgresql-client-15";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private Path dir;
    private Path pgCtl;

    @AfterEach
    void stopServer() throws Exception {
        if (pgCtl != null) {
            run(asOwner(List.of(pgCtl.toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop")), false);
        }
        if (dir != null) {
            run(List.of("rm", "-rf", dir.toString()), false);
        }
    }

    @Test
    void thePgDumpPathBacksUpAPostgres15ServerAndItsDumpRestoresEveryRow() throws Exception {
        Path initdb = RequiredTool.requireIn(BIN, "initdb", HINT);
        Path pgDump = RequiredTool.requireIn(BIN, "pg_dump", HINT);
        Path pgRestore = RequiredTool.requireIn(BIN, "pg_restore", HINT);
        RequiredTool.require("psql", "apt-get install postgresql-client");
        if (ROOT) {
            RequiredTool.require("runuser", "apt-get install util-linux");
        }
        pgCtl = RequiredTool.requireIn(BIN, "pg_ctl", HINT);
        int port = freePort();
        startServer(initdb, port);
        String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
        execute(server + "postgres", "CREATE DATABASE crm");
        Flyway.configure().dataSource(server + "crm", "postgres", null).locations("classpath:db/migration").outOfOrder(true).load().migrate();
        execute(server + "crm", """
                INSERT INTO cities (name, timezone) VALUES ('Казань', 'Europe/Moscow'), ('Уфа', 'Asia/Yekaterinburg');
                INSERT INTO operators (login, password_hash, name, role, city_id, sip_address)
                    VALUES ('olga', 'x', 'Ольга «Смена 2»', 'operator', 1, '101');
                INSERT INTO orders (city_id, phone, problem)
                    SELECT 1 + g % 2, '+7916' || lpad(g::text, 7, '0'), CASE WHEN g % 7 = 0 THEN E'строка\\nвторая, "кавычки"' END
                    FROM generate_series(1, 500) g;""");

        Path backup = dir.resolve("backup");
        ProcessBuilder script = new ProcessBuilder("scripts/backup-restore-check.sh", backup.toString()).redirectErrorStream(true);
        script.environment().put("PATH", BIN + ":" + System.getenv("PATH"));
        script.environment().put("PGHOST", "127.0.0.1");
        script.environment().put("PGPORT", String.valueOf(port));
        script.environment().put("PGUSER", "postgres");
        script.environment().put("PGDATABASE", "crm");
        String output = run(script);
        assertTrue(output.contains("logical backup with pg_dump 15 (server 15)"), output);
        assertTrue(output.contains("restore check passed"), output);
        assertTrue(Files.readAllLines(backup.resolve("counts.restored")).contains("orders 500"), output);
        assertTrue(pgDump.startsWith(BIN));

        execute(server + "postgres", "CREATE DATABASE crm_copy");
        run(new ProcessBuilder(pgRestore.toString(), "--no-owner", "--exit-on-error", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "postgres", "-d", "crm_copy", backup.resolve("crm.dump").toString()).redirectErrorStream(true));
        Map<String, String> source = contents(server + "crm");
        assertTrue(source.size() > 50, "the CRM's tables: " + source.keySet());
        assertEquals(source, contents(server + "crm_copy"));
    }

    /** initdb and pg_ctl start as the owner of the data directory: nobody when the tests run as root, which PostgreSQL refuses. */
    private void startServer(Path initdb, int port) throws Exception {
        dir = Files.createTempDirectory("pg15-backup");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = dir.resolve("data");
        Path sockets = Files.createDirectory(dir.resolve("sockets"));
        if (ROOT) {
            run(List.of("chown", "nobody", sockets.toString(), dir.toString()), true);
        }
        run(asOwner(List.of(initdb.toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale")), true);
        run(asOwner(List.of(pgCtl.toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "120",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + sockets, "start")), true);
    }

    private static List<String> asOwner(List<String> command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        return full;
    }

    /** Per table, an md5 of its rows in a fixed order; per sequence, its position. */
    private static Map<String, String> contents(String url) throws SQLException {
        Map<String, String> contents = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(url, "postgres", null); Statement st = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM public."
                        + "\"" + table + "\" t")) {
                    rs.next();
                    contents.put(table, rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT sequencename, coalesce(last_value, 0) FROM pg_sequences WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    contents.put("sequence " + rs.getString(1), rs.getString(2));
                }
            }
        }
        return contents;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "postgres", null); Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String run(List<String> command, boolean mustSucceed) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        return mustSucceed ? run(builder) : runQuietly(builder);
    }

    private static String run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), builder.command() + ": " + output);
        assertEquals(0, process.exitValue(), builder.command() + ": " + output);
        return output;
    }

    private static String runQuietly(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(1, TimeUnit.MINUTES);
        return output;
    }
}
