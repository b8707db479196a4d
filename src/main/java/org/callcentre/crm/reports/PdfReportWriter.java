package org.callcentre.crm.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A printable A4 landscape report: title, filters, the chart per day, then the table with its
 * header repeated on every page. A PDF is for reading, not for processing, so it stops at
 * {@link #MAX_ROWS} rows and says so; the spreadsheet formats carry everything.
 */
final class PdfReportWriter implements ReportWriter {
    static final int MAX_ROWS = 5_000;
    // Rows are handed to the document in batches so that finished pages leave memory.
    private static final int ROWS_PER_BATCH = 200;
    private static final float MARGIN = 28;
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final Color HEADER_BACKGROUND = new Color(0xE8, 0xE8, 0xE8);

    private final Font title = new Font(PdfFonts.BOLD, 15);
    private final Font heading = new Font(PdfFonts.BOLD, 10);
    private final Font plain = new Font(PdfFonts.REGULAR, 8.5f);
    private final Font cell = new Font(PdfFonts.REGULAR, 7);
    private final Font headerCell = new Font(PdfFonts.BOLD, 7);

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, MARGIN, MARGIN);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(report.title());
            document.addCreator("Call-centre CRM");
            document.open();
            document.add(new Paragraph(report.title(), title));
            document.add(new Paragraph("Сформирован: " + DATE_TIME.format(report.generatedAt()), plain));
            document.add(new Paragraph("Фильтры: " + describe(report.filters()), plain));
            document.add(new Paragraph(report.chart().title(), heading));
            Image chart = DailyBarChart.draw(writer.getDirectContent(), document.right() - document.left(),
                    report.chart().counts().get(), report.period());
            document.add(chart != null ? chart : new Paragraph("Нет данных за период.", plain));
            writeTable(report, document);
            document.close();
        } catch (DocumentException e) {
            throw new IOException("The PDF could not be laid out", e);
        }
    }

    private void writeTable(Report report, Document document) throws IOException, DocumentException {
        List<Column> all = report.columns();
        int[] shown = IntStream.range(0, all.size()).filter(i -> all.get(i).inPdf()).toArray();
        PdfPTable table = new PdfPTable(shown.length);
        table.setWidthPercentage(100);
        table.setWidths(widths(all, shown));
        table.setHeaderRows(1);
        table.setSpacingBefore(8);
        table.setComplete(false);
        for (int i : shown) {
            PdfPCell header = new PdfPCell(new Phrase(all.get(i).title(), headerCell));
            header.setBackgroundColor(HEADER_BACKGROUND);
            header.setPadding(2);
            table.addCell(header);
        }
        int[] written = {0};
        boolean[] cut = {false};
        report.rows().forEach(values -> {
            if (written[0] == MAX_ROWS) {
                cut[0] = true;
                return false;
            }
            for (int i : shown) {
                table.addCell(cell(values[i], all.get(i).kind()));
            }
            if (++written[0] % ROWS_PER_BATCH == 0) {
                try {
                    document.add(table);
                } catch (DocumentException e) {
                    throw new IOException("The PDF could not be laid out", e);
                }
            }
            return true;
        });
        table.setComplete(true);
        document.add(table);
        if (written[0] == 0) {
            document.add(new Paragraph("Строк нет.", plain));
        }
        if (cut[0]) {
            document.add(new Paragraph("Показаны первые " + number(MAX_ROWS) + " строк. Полный список — в выгрузке CSV или XLSX.",
                    heading));
        }
    }

    private PdfPCell cell(Object value, ColumnKind kind) {
        PdfPCell cell = new PdfPCell(new Phrase(text(value, kind), this.cell));
        cell.setPadding(2);
        if (kind != ColumnKind.TEXT && kind != ColumnKind.DATE_TIME) {
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return cell;
    }

    private static String text(Object value, ColumnKind kind) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case DATE_TIME -> DATE_TIME.format((LocalDateTime) value);
            case DECIMAL -> russian("#,##0.0").format(value);
            case MONEY -> russian("#,##0.00").format(value);
            case TEXT, INTEGER -> value.toString();
        };
    }

    private static String number(long value) {
        return russian("#,##0").format(value);
    }

    /** Decimal comma and a (no-break) space between thousands. */
    private static DecimalFormat russian(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(RUSSIAN));
    }

    private static String describe(List<AppliedFilter> filters) {
        return filters.isEmpty() ? "нет"
                : filters.stream().map(f -> f.label() + ": " + f.value()).collect(Collectors.joining("; "));
    }

    private static float[] widths(List<Column> columns, int[] shown) {
        float[] widths = new float[shown.length];
        for (int i = 0; i < shown.length; i++) {
            widths[i] = switch (columns.get(shown[i]).kind()) {
                case TEXT -> 3;
                case DATE_TIME -> 2.9f;
                case INTEGER, DECIMAL, MONEY -> 1.8f;
            };
        }
        return widths;
    }
}
