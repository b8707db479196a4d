package org.callcentre.crm.testing;

import jakarta.inject.Singleton;
import org.callcentre.crm.auth.PasswordHasher;
import org.callcentre.crm.shared.Db;

import java.sql.SQLException;
import java.util.List;

/**
 * Puts the shared test database into a known state. Every test class runs against the same
 * embedded PostgreSQL, so each starts by emptying the tables it relies on.
 */
@Singleton
public class TestData {
    public static final String PASSWORD = "correct-horse-42";
    private static final int DEADLOCK_ATTEMPTS = 5;

    private final Db db;
    private final PasswordHasher hasher;

    public TestData(Db db, PasswordHasher hasher) {
        this.db = db;
        this.hasher = hasher;
    }

    /**
     * Empties every table but Flyway's history. The application's background workers (outbox, inbox,
     * schedulers) keep reading while a test resets: TRUNCATE takes its exclusive locks table by table, so
     * a worker holding one table and waiting for another can deadlock with it. PostgreSQL then aborts one
     * side; when that is the reset, it is simply tried again.
     */
    public void reset() {
        List<String> tables = db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'",
                rs -> rs.getString(1));
        if (tables.isEmpty()) {
            return;
        }
        String truncate = "TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE";
        for (int attempt = 1; ; attempt++) {
            try {
                db.update(truncate);
                return;
            } catch (RuntimeException e) {
                if (attempt == DEADLOCK_ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "40P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public long city(String name, String timezone) {
        return db.insert("INSERT INTO cities (name, timezone) VALUES (?, ?) RETURNING id", name, timezone);
    }

    /** A user whose password is {@link #PASSWORD}. */
    public long user(String login, String role, Long cityId, String sipAddress) {
        return db.insert("INSERT INTO operators (login, password_hash, name, role, city_id, sip_address) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                login, hasher.hash(PASSWORD), "User " + login, role, cityId, sipAddress);
    }

    /** An entry of the dispositions ({@code disposition}) or cancel reasons ({@code cancel_reason}) list; {@link #reset} empties both. */
    public long resultCode(String kind, String name) {
        return db.insert("INSERT INTO result_codes (kind, name) VALUES (?, ?) RETURNING id", kind, name);
    }

        public long count(String table) {
        return db.queryLong("SELECT count(*) FROM " + table);
    }

    public Db db() {
        return db;
    }
}
