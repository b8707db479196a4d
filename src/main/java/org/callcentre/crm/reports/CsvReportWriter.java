package org.callcentre.crm.reports;

import org.callcentre.crm.shared.SpreadsheetCells;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (without it Excel reads the file as the system's
 * ANSI code page and Cyrillic turns into mojibake), CRLF line ends, one header row.
 */
final class CsvReportWriter implements ReportWriter {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CsvSeparator separator;

    CsvReportWriter(CsvSeparator separator) {
        this.separator = separator;
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writeLine(csv, report.columns().stream().map(Column::title).toArray());
        report.rows().forEach(values -> {
            writeLine(csv, values);
            return true;
        });
        csv.flush();
    }

    private void writeLine(Writer csv, Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.write(separator.field());
            }
            csv.write(quoted(text(values[i])));
        }
        csv.write("\r\n");
    }

    private String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString().replace('.', separator.decimal());
        }
        if (value instanceof LocalDateTime time) {
            return DATE_TIME.format(time);
        }
        return SpreadsheetCells.neutralised(value.toString());
    }

    private String quoted(String text) {
        boolean needsQuotes = text.indexOf(separator.field()) >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
