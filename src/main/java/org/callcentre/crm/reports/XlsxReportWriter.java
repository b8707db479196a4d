package org.callcentre.crm.reports;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An Excel workbook written with POI's streaming SXSSF: only a window of rows stays in memory, the
 * rest goes to a compressed temporary file until the workbook is zipped into {@code out}. The
 * first sheet is the table (bold frozen header, autofilter, numbers and dates as real cells); the
 * second lists the filters.
 */
final class XlsxReportWriter implements ReportWriter {
    private static final int ROWS_IN_MEMORY = 100;
    // Leaves room for the header and for a last row that says the sheet is cut short.
    private static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 2;
    private static final Map<ColumnKind, String> FORMATS = Map.of(
            ColumnKind.INTEGER, "0",
            ColumnKind.DECIMAL, "0.0",
            ColumnKind.MONEY, "#,##0.00",
            ColumnKind.DATE_TIME, "dd.mm.yyyy hh:mm:ss");

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        try {
            CellStyle bold = boldStyle(workbook);
            Map<ColumnKind, CellStyle> styles = kindStyles(workbook);
            writeTable(report, workbook.createSheet(report.title()), bold, styles);
            writeFilters(report, workbook.createSheet("Параметры"), bold, styles.get(ColumnKind.DATE_TIME));
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void writeTable(Report report, SXSSFSheet sheet, CellStyle bold, Map<ColumnKind, CellStyle> styles)
            throws IOException {
        List<Column> columns = report.columns();
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).title());
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, widthOf(columns.get(i)) * 256);
        }
        int[] next = {1};
        boolean[] cut = {false};
        report.rows().forEach(values -> {
            if (next[0] > MAX_DATA_ROWS) {
                cut[0] = true;
                return false;
            }
            Row row = sheet.createRow(next[0]++);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    setValue(row.createCell(i), values[i], styles.get(columns.get(i).kind()));
                }
            }
            return true;
        });
        int lastDataRow = next[0] - 1;
        if (cut[0]) {
            sheet.createRow(next[0]).createCell(0)
                    .setCellValue("Показаны первые " + MAX_DATA_ROWS + " строк: больше не помещается на лист Excel");
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, lastDataRow, 0, columns.size() - 1));
    }

    private static void writeFilters(Report report, Sheet sheet, CellStyle bold, CellStyle dateTime) {
        int next = 0;
        Row title = sheet.createRow(next++);
        title.createCell(0).setCellValue(report.title());
        title.getCell(0).setCellStyle(bold);
        Row generated = sheet.createRow(next++);
        generated.createCell(0).setCellValue("Сформирован");
        setValue(generated.createCell(1), report.generatedAt(), dateTime);
        for (AppliedFilter filter : report.filters()) {
            Row row = sheet.createRow(next++);
            row.createCell(0).setCellValue(filter.label());
            row.createCell(1).setCellValue(filter.value());
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 32 * 256);
    }

    private static void setValue(Cell cell, Object value, CellStyle style) {
        if (value instanceof Long number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
        } else {
            cell.setCellValue(value.toString());
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static int widthOf(Column column) {
        int byKind = switch (column.kind()) {
            case TEXT -> 24;
            case DATE_TIME -> 20;
            case INTEGER, DECIMAL, MONEY -> 12;
        };
        // The autofilter's drop-down button takes about three characters of the header cell.
        return Math.max(byKind, column.title().length() + 4);
    }

    private static CellStyle boldStyle(SXSSFWorkbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static Map<ColumnKind, CellStyle> kindStyles(SXSSFWorkbook workbook) {
        Map<ColumnKind, CellStyle> styles = new EnumMap<>(ColumnKind.class);
        FORMATS.forEach((kind, format) -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            styles.put(kind, style);
        });
        return styles;
    }
}
