package org.callcentre.crm.reports;

import java.io.IOException;

/**
 * The rows of a report, read only while the report is being written, inside the writer's read-only
 * transaction. Values are String, Long, BigDecimal, LocalDateTime or null, in column order.
 */
@FunctionalInterface
interface ReportRows {

    /** Receives one row; returning false stops the reading. */
    @FunctionalInterface
    interface RowConsumer {
        boolean accept(Object[] values) throws IOException;
    }

    void forEach(RowConsumer consumer) throws IOException;
}
