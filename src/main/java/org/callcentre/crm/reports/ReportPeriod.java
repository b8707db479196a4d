package org.callcentre.crm.reports;

import java.time.LocalDate;

/**
 * The local days a report covers, for its file name and the days of its chart.
 *
 * @param first null when the report is open at the start
 * @param last  null when the report is open at the end
 */
record ReportPeriod(LocalDate first, LocalDate last) {

    /**
     * From filters that have already been validated: plain dates or ISO date-times, whose first ten
     * characters are the date.
     */
    static ReportPeriod of(String from, String to) {
        return new ReportPeriod(day(from), day(to));
    }

    private static LocalDate day(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.trim().substring(0, 10));
    }

    /** {@code -2025-03-01_2025-03-31}, {@code -2025-03-01_} when open at the end, empty when open at both. */
    String fileSuffix() {
        if (first == null && last == null) {
            return "";
        }
        return "-" + (first == null ? "" : first) + "_" + (last == null ? "" : last);
    }
}
