package org.callcentre.loadtest;

import java.io.InputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The ceilings printed beside every pipeline figure, measured in the same run on the same machine:
 * how fast the load tool itself can send (against a trivial sink), how many rows per second
 * PostgreSQL alone upserts in 1 000-row batches, and how fast asterisk-java alone parses AMI.
 */
final class Ceilings {
    private static final int BATCH = 1000;
    private static final String[] STATUSES = {"ringing", "answered", "ended"};

    private Ceilings() {
    }

    /** Webhooks per second the tool sends and gets answered by {@link HttpSink}, same connections and calls as the run. */
    static double mangoTool(double seconds, int connections, double nominalRate, Supplier<CallMix> mix) throws Exception {
        try (HttpSink sink = new HttpSink();
             MangoSender sender = new MangoSender(sink.base(), connections, "ceiling-key", "ceiling-salt", 4 * connections, 1)) {
            Timeline<MangoCallScript.Webhook> timeline = new Timeline<>(mix.get(), new MangoCallScript("ceiling", "78430000000"), new PopWatch());
            long start = System.nanoTime();
            timeline.unpaced(seconds, nominalRate, sender);
            if (!sender.awaitAnswered(60)) {
                throw new IllegalStateException("the sink did not answer everything");
            }
            return sender.answered() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** AMI events per second the tool writes to a socket whose reader discards them. */
    static double amiTool(double seconds, double nominalRate, Supplier<CallMix> mix) throws Exception {
        try (AmiServer server = new AmiServer(0, false, 0); Socket client = new Socket("127.0.0.1", server.port())) {
            Thread reader = new Thread(() -> discard(client), "ami-discard");
            reader.setDaemon(true);
            reader.start();
            Timeline<String> timeline = new Timeline<>(mix.get(), new AmiCallScript("78430000000", "ceiling"), new PopWatch());
            return timeline.unpaced(seconds, nominalRate, new AmiSender(server));
        }
    }

    private static void discard(Socket socket) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = socket.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // discard
            }
        } catch (java.io.IOException closed) {
            // the run is over
        }
    }

    /**
     * Rows per second PostgreSQL upserts, one statement and one transaction per 1 000 sorted
     * distinct keys, each key upserted by three batches in turn (as a call is: ring, answer, end),
     * into a scratch table with a primary key only (the real calls table has more indexes, so
     * this is an upper bound of what ingest can reach). The table is dropped afterwards.
     */
    static double postgresUpserts(String jdbc, String user, String password, double seconds) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbc, user, password); Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS load_tool_upsert_ceiling");
            ddl.execute("CREATE TABLE load_tool_upsert_ceiling (key text PRIMARY KEY, status text NOT NULL, events integer NOT NULL,"
                    + " updated_at timestamptz NOT NULL)");
            try (PreparedStatement upsert = db.prepareStatement("""
                    INSERT INTO load_tool_upsert_ceiling (key, status, events, updated_at)
                    SELECT k, s, 1, now() FROM unnest(?::text[], ?::text[]) AS u(k, s)
                    ON CONFLICT (key) DO UPDATE SET status = excluded.status, events = load_tool_upsert_ceiling.events + 1,
                        updated_at = excluded.updated_at""")) {
                long rows = 0;
                long start = System.nanoTime();
                long end = start + (long) (seconds * 1e9);
                String[] keys = new String[BATCH];
                String[] statuses = new String[BATCH];
                for (long batch = 0; System.nanoTime() < end; batch++) {
                    long first = batch * (BATCH / 3);
                    for (int i = 0; i < BATCH; i++) {
                        keys[i] = String.format("k%012d", first + i);
                        statuses[i] = STATUSES[(int) (batch % STATUSES.length)];
                    }
                    upsert.setArray(1, db.createArrayOf("text", keys));
                    upsert.setArray(2, db.createArrayOf("text", statuses));
                    rows += upsert.executeUpdate();
                }
                return rows / ((System.nanoTime() - start) / 1e9);
            } finally {
                ddl.execute("DROP TABLE load_tool_upsert_ceiling");
            }
        }
    }
}
