package org.callcentre.crm.reports;

import java.io.IOException;
import java.io.OutputStream;

/** One file format. A writer reads the report's rows as it writes and leaves {@code out} open. */
interface ReportWriter {
    void write(Report report, OutputStream out) throws IOException;
}
