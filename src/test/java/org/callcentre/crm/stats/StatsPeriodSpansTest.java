package org.callcentre.crm.stats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A period is read as single days and aligned spans of 2^level days counted from 1970-01-01: every
 * day of the period exactly once, and few pieces whatever the ends, so that the lists of every
 * operator or campaign read a bounded number of rows per key.
 */
class StatsPeriodSpansTest {

    @Test
    void aSmallCaseWrittenOutByHand() {
        // 2025-01-20 is day 20 108 after 1970-01-01 (divisible by 4, not by 8): 20–23, then 24–27 (24–31 would end after the 30th), 28–29, 30
        StatsPeriod.Spans spans = period("2025-01-20", "2025-01-30").spans();
        assertEquals(List.of(LocalDate.parse("2025-01-30")), spans.days());
        assertEquals(List.of(2, 2, 1), spans.levels());
        assertEquals(List.of(LocalDate.parse("2025-01-20"), LocalDate.parse("2025-01-24"), LocalDate.parse("2025-01-28")), spans.starts());
    }

    @Test
    void everyDayOnceInAlignedSpansAndAtMostEightPiecesAMonthAndFourteenAYear() {
        LocalDate first = LocalDate.parse("2024-01-01");
        for (int startOffset = 0; startOffset < 400; startOffset++) {
            LocalDate start = first.plusDays(startOffset);
            for (int length : new int[] {1, 2, 7, 28, 29, 30, 31, 89, 90, 91, 92, 180, 365, 366}) {
                LocalDate end = start.plusDays(length - 1);
                StatsPeriod.Spans spans = period(start.toString(), end.toString()).spans();
                List<LocalDate> covered = new ArrayList<>(spans.days());
                for (int i = 0; i < spans.levels().size(); i++) {
                    int size = 1 << spans.levels().get(i);
                    LocalDate spanStart = spans.starts().get(i);
                    assertEquals(0, ChronoUnit.DAYS.between(LocalDate.EPOCH, spanStart) % size, spanStart + " aligned to " + size);
                    spanStart.datesUntil(spanStart.plusDays(size)).forEach(covered::add);
                }
                covered.sort(null);
                assertEquals(start.datesUntil(end.plusDays(1)).toList(), covered, start + ".." + end);
                int pieces = spans.days().size() + spans.levels().size();
                assertTrue(pieces <= (length <= 31 ? 8 : 14), pieces + " pieces for " + start + ".." + end);
            }
        }
    }

    private static StatsPeriod period(String start, String end) {
        return new StatsPeriod(LocalDate.parse(start), LocalDate.parse(end), ZoneId.of("Europe/Moscow"));
    }
}
