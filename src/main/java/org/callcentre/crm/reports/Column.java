package org.callcentre.crm.reports;

import java.util.Map;

/**
 * One column of a report.
 *
 * @param title  the heading people read (Russian)
 * @param labels words shown instead of the API's codes (e.g. {@code missed} → «Пропущен»)
 * @param inPdf  whether the PDF, a page wide, has room for it; CSV and XLSX carry every column
 */
record Column(String title, ColumnKind kind, Map<String, String> labels, boolean inPdf) {

    static Column of(String title, ColumnKind kind) {
        return new Column(title, kind, Map.of(), true);
    }

    static Column text(String title) {
        return of(title, ColumnKind.TEXT);
    }

    Column labelled(Map<String, String> codeToLabel) {
        return new Column(title, kind, codeToLabel, inPdf);
    }

    Column notInPdf() {
        return new Column(title, kind, labels, false);
    }

    Object shown(Object value) {
        return value instanceof String code ? labels.getOrDefault(code, code) : value;
    }
}
