package org.callcentre.crm.reports;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a report on the thread that holds its database cursor. */
@Singleton
class ReportWriting {
    private final Db db;

    ReportWriting(Db db) {
        this.db = db;
    }

    /**
     * One read-only transaction for the whole file: PostgreSQL keeps a cursor only inside one, and
     * repeatable read makes the chart and the table one snapshot, however long the download takes. So a
     * download's statements are not held to the request timeout, but a transaction left idle (a client
     * that stopped reading, a stuck writer) is ended by PostgreSQL, a minute after {@link ChunkPipe}'s
     * own two-minute give-up.
     */
    @ReadOnly(isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public void write(Report report, ReportWriter writer, OutputStream out) throws IOException {
        db.update("SET LOCAL statement_timeout = 0");
        db.update("SET LOCAL idle_in_transaction_session_timeout = '3min'");
        writer.write(report, out);
    }
}
