package org.callcentre.crm.shared;

import io.micronaut.data.connection.exceptions.ConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Supplier;

/** Tells database failures worth waiting out from failures of the work itself. */
public final class DatabaseFaults {
    private DatabaseFaults() {
    }

    /**
     * PostgreSQL cannot be reached, is shutting down or refuses connections (SQLSTATE class 08 and
     * 57P01–57P03), the pool gave up waiting for a connection, or the connection it handed out had
     * been cut: the same work will succeed later.
     */
    public static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code read}'s answer, or {@code whileAway}'s when PostgreSQL cannot be reached; any other
     * failure is thrown. For checks that must keep answering through an outage from what they last knew.
     */
    public static <T> T orWhileUnreachable(Supplier<T> read, Supplier<T> whileAway) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (!unreachable(e)) {
                throw e;
            }
            return whileAway.get();
        }
    }

    /**
     * For a request whose sender sends it again on a 503 (a webhook): while PostgreSQL cannot take
     * it, a 503 with {@code Retry-After} rather than a 500 the sender may give up on; nothing was
     * written, the transaction never began or was rolled back. Any other failure is returned as it is.
     */
    public static RuntimeException busyWhenUnreachable(RuntimeException error, Duration retryAfter) {
        return unreachable(error) ? ApiException.busy("The database cannot take this now; send it again later", retryAfter) : error;
    }

    /** PostgreSQL broke a lock cycle (40P01) or a serialization conflict (40001): run the work again. */
    public static boolean lockConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
