package org.callcentre.crm.reports;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything a format needs to write one export. The filters have been validated and the rows
 * are not read yet: they are read while the file is written.
 *
 * @param name        the path word ({@code calls}), the start of the file name and the audit entity
 * @param generatedAt local time of the person who asked, printed on the PDF
 */
record Report(String name, String title, List<AppliedFilter> filters, ReportPeriod period, List<Column> columns,
              ReportRows rows, DailyChart chart, LocalDateTime generatedAt) {

    String fileName(ReportFormat format) {
        return name + period.fileSuffix() + "." + format.extension();
    }
}
