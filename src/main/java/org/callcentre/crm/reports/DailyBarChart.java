package org.callcentre.crm.reports;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;

import java.awt.Color;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bar per day drawn with the PDF's own vector graphics, so that no charting library is needed
 * and the chart stays sharp when printed. Days without items get an empty slot, not a gap that
 * would make a quiet Sunday disappear.
 */
final class DailyBarChart {
    private static final float HEIGHT = 150;
    private static final float LEFT = 36;
    private static final float BOTTOM = 18;
    private static final float TOP = 12;
    private static final float RIGHT = 4;
    private static final float LABEL_SIZE = 6.5f;
    private static final float MIN_LABEL_SPACING = 34;
    private static final int MAX_DAYS_WITH_VALUES = 31;
    private static final Color BAR = new Color(0x3B, 0x6E, 0xA5);
    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");

    private DailyBarChart() {
    }

    /**
     * The chart as an image element, or null when there is nothing to draw.
     *
     * @param period the days to show even when they have no items; open ends follow the data
     */
    static Image draw(PdfContentByte canvas, float width, List<DayCount> counts, ReportPeriod period)
            throws BadElementException {
        List<DayCount> days = everyDay(counts, period);
        if (days.isEmpty()) {
            return null;
        }
        PdfTemplate chart = canvas.createTemplate(width, HEIGHT);
        float plotWidth = width - LEFT - RIGHT;
        float plotHeight = HEIGHT - BOTTOM - TOP;
        long max = days.stream().mapToLong(DayCount::count).max().orElse(0);
        long step = niceStep(Math.max(1, max) / 4.0);
        long top = Math.max(step, (max + step - 1) / step * step);

        for (long value = 0; value <= top; value += step) {
            float y = BOTTOM + plotHeight * value / top;
            chart.setColorStroke(GRID);
            chart.setLineWidth(0.4f);
            chart.moveTo(LEFT, y);
            chart.lineTo(LEFT + plotWidth, y);
            chart.stroke();
            text(chart, PdfFonts.REGULAR, Element.ALIGN_RIGHT, String.valueOf(value), LEFT - 3, y - 2);
        }

        float slot = plotWidth / days.size();
        float barWidth = Math.max(0.5f, slot * 0.7f);
        int labelEvery = (int) Math.ceil(MIN_LABEL_SPACING / slot);
        chart.setColorFill(BAR);
        for (int i = 0; i < days.size(); i++) {
            float height = plotHeight * days.get(i).count() / top;
            if (height > 0) {
                chart.rectangle(LEFT + i * slot + (slot - barWidth) / 2, BOTTOM, barWidth, height);
            }
        }
        chart.fill();
        for (int i = 0; i < days.size(); i++) {
            float centre = LEFT + i * slot + slot / 2;
            if (i % labelEvery == 0) {
                text(chart, PdfFonts.REGULAR, Element.ALIGN_CENTER, DAY.format(days.get(i).day()), centre, BOTTOM - 9);
            }
            long count = days.get(i).count();
            if (days.size() <= MAX_DAYS_WITH_VALUES && count > 0) {
                text(chart, PdfFonts.REGULAR, Element.ALIGN_CENTER, String.valueOf(count), centre,
                        BOTTOM + plotHeight * count / top + 2);
            }
        }
        return Image.getInstance(chart);
    }

    private static List<DayCount> everyDay(List<DayCount> counts, ReportPeriod period) {
        if (counts.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, Long> byDay = new TreeMap<>();
        counts.forEach(c -> byDay.put(c.day(), c.count()));
        LocalDate first = period.first() != null ? period.first() : counts.get(0).day();
        LocalDate last = period.last() != null ? period.last() : counts.get(counts.size() - 1).day();
        List<DayCount> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new DayCount(day, byDay.getOrDefault(day, 0L)));
        }
        return days;
    }

    /** 1, 2 or 5 times a power of ten: gridlines people can read at a glance. */
    static long niceStep(double raw) {
        if (raw <= 1) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return Math.round(nice * magnitude);
    }

    private static void text(PdfTemplate chart, BaseFont font, int align, String text, float x, float y) {
        chart.beginText();
        chart.setColorFill(Color.DARK_GRAY);
        chart.setFontAndSize(font, LABEL_SIZE);
        chart.showTextAligned(align, text, x, y, 0);
        chart.endText();
    }
}
