package org.callcentre.loadtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end-to-end check, read from the CRM's database after the stream: every call the run
 * started must be one row in its final status. Waits until no call of the run is left to finish
 * and, for Mango, no acknowledged webhook is left unapplied in the inbox (a call whose answer was
 * refused 503 and sent again looks missed until that resend is applied), or until nothing moved
 * for a while; then compares row by row.
 */
final class StoredCalls {
    /**
     * @param wrong     rows of the run's calls in another status than planned, by "stored/planned"
     * @param extra     rows of this source in the run's time that belong to no planned call (a call stored twice under another key)
     * @param drainSeconds from the end of the stream until the last call was final (or the wait gave up)
     */
    record Verdict(long planned, long correct, Map<String, Long> wrong, long missing, long extra, double drainSeconds) {
        boolean holds() {
            return correct == planned && missing == 0 && extra == 0 && wrong.isEmpty();
        }
    }

    private final String jdbc;
    private final String user;
    private final String password;

    StoredCalls(String jdbc, String user, String password) {
        this.jdbc = jdbc;
        this.user = user;
        this.password = password;
    }

    Verdict await(String source, Instant since, Map<String, PlannedCall> planned, long streamEndNanos, int stallSeconds, int maxSeconds)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        long last = -1;
        long lastPending = -1;
        long lastMoved = System.nanoTime();
        long finalAt = System.nanoTime();
        try (Connection db = connect();
             PreparedStatement count = db.prepareStatement(
                     "SELECT count(*) FROM calls WHERE source = ? AND created_at >= ? AND status <> 'ringing'");
             PreparedStatement unapplied = db.prepareStatement(
                     "SELECT count(*) FROM telephony_inbox WHERE source = ? AND processed_at IS NULL")) {
            count.setString(1, source);
            count.setTimestamp(2, Timestamp.from(since));
            unapplied.setString(1, source);
            while (System.nanoTime() < deadline) {
                long done = countOf(count);
                if (done != last) {
                    last = done;
                    lastMoved = System.nanoTime();
                    finalAt = lastMoved;
                }
                long pending = countOf(unapplied);
                if (pending != lastPending) {
                    lastPending = pending;
                    lastMoved = System.nanoTime();
                    finalAt = lastMoved;
                }
                if ((done >= planned.size() && pending == 0) || System.nanoTime() - lastMoved > stallSeconds * 1_000_000_000L) {
                    break;
                }
                Thread.sleep(250);
            }
            return compare(db, source, since, planned, (finalAt - streamEndNanos) / 1e9);
        }
    }

    private static long countOf(PreparedStatement count) throws SQLException {
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Verdict compare(Connection db, String source, Instant since, Map<String, PlannedCall> planned, double drainSeconds)
            throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement rows = db.prepareStatement("SELECT external_id, status FROM calls WHERE source = ? AND created_at >= ?")) {
            rows.setString(1, source);
            rows.setTimestamp(2, Timestamp.from(since));
            rows.setFetchSize(10_000);
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        long correct = 0;
        long missing = 0;
        Map<String, Long> wrong = new TreeMap<>();
        for (Map.Entry<String, PlannedCall> call : planned.entrySet()) {
            String status = stored.remove(call.getKey());
            if (status == null) {
                missing++;
            } else if (status.equals(call.getValue().finalStatus())) {
                correct++;
            } else {
                wrong.merge(status + " (planned " + call.getValue().finalStatus() + ")", 1L, Long::sum);
            }
        }
        return new Verdict(planned.size(), correct, wrong, missing, stored.size(), drainSeconds);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc, user, password);
    }
}
