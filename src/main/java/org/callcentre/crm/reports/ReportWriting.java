package org.callcentre.crm.reports;

import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ReadDb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes a report on the thread that holds its database cursor. */
@Singleton
class ReportWriting {
    private final ReadDb db;

    ReportWriting(ReadDb db) {
        this.db = db;
    }

    /**
     * One read-only transaction for the whole file (on the read replica when one is fit to read): PostgreSQL keeps a
     * cursor only inside one, and repeatable read makes the chart and the table one snapshot, however long the
     * download takes. So a download's statements are not held to the request timeout, but a transaction left idle
     * (a client that stopped reading, a stuck writer) is ended by PostgreSQL, a minute after {@link ChunkPipe}'s
     * own two-minute give-up.
     */
    public void write(Report report, ReportWriter writer, OutputStream out) throws IOException {
        try {
            db.readOnly(TransactionDefinition.Isolation.REPEATABLE_READ, () -> {
                db.update("SET LOCAL statement_timeout = 0");
                db.update("SET LOCAL idle_in_transaction_session_timeout = '3min'");
                try {
                    writer.write(report, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
