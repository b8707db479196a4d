package org.callcentre.crm.reports;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a report on the thread that holds its database cursor. */
@Singleton
class ReportWriting {

    /**
     * One read-only transaction for the whole file: PostgreSQL keeps a cursor only inside one, and
     * repeatable read makes the chart and the table one snapshot, however long the download takes.
     */
    @ReadOnly(isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public void write(Report report, ReportWriter writer, OutputStream out) throws IOException {
        writer.write(report, out);
    }
}
