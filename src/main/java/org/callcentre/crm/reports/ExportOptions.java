package org.callcentre.crm.reports;

import org.callcentre.crm.shared.Fields;

import java.util.Arrays;
import java.util.List;

/** The {@code format} and {@code sep} query parameters; CSV with commas unless asked otherwise. */
record ExportOptions(ReportFormat format, CsvSeparator separator) {

    static ExportOptions parse(String format, String sep) {
        Fields f = new Fields();
        String formatName = f.oneOf("format", format, names(ReportFormat.values()), false);
        String separatorName = f.oneOf("sep", sep, names(CsvSeparator.values()), false);
        f.throwIfAny();
        return new ExportOptions(formatName == null ? ReportFormat.csv : ReportFormat.valueOf(formatName),
                separatorName == null ? CsvSeparator.comma : CsvSeparator.valueOf(separatorName));
    }

    ReportWriter writer() {
        return switch (format) {
            case csv -> new CsvReportWriter(separator);
            case xlsx -> new XlsxReportWriter();
            case pdf -> new PdfReportWriter();
        };
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
