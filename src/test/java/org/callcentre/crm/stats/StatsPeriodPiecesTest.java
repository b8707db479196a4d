package org.callcentre.crm.stats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A period is read as head days, whole calendar months and tail days; the expectations are written out by hand. */
class StatsPeriodPiecesTest {

    @Test
    void aPeriodAcrossMonthsIsItsHeadDaysWholeMonthsAndTailDays() {
        assertEquals(pieces("2025-01-20", "2025-01-31", "2025-02-01", "2025-04-01", "2025-05-01", "2025-05-12"),
                period("2025-01-20", "2025-05-12").pieces());
    }

    @Test
    void wholeMonthsLeaveNoHeadOrTail() {
        StatsPeriod.Pieces year = period("2024-01-01", "2024-12-31").pieces();
        assertEquals(LocalDate.parse("2024-01-01"), year.firstMonth());
        assertEquals(LocalDate.parse("2024-12-01"), year.lastMonth());
        assertEmpty(year.headFrom(), year.headTo());
        assertEmpty(year.tailFrom(), year.tailTo());
        StatsPeriod.Pieces leapFebruary = period("2024-02-01", "2024-02-29").pieces();
        assertEquals(LocalDate.parse("2024-02-01"), leapFebruary.firstMonth());
        assertEquals(LocalDate.parse("2024-02-01"), leapFebruary.lastMonth());
    }

    @Test
    void aPeriodWithoutAWholeMonthIsAllDays() {
        for (String[] range : new String[][] {{"2025-01-25", "2025-02-10"}, {"2025-03-02", "2025-03-31"}, {"2025-03-01", "2025-03-30"},
                {"2025-02-28", "2025-03-01"}}) {
            StatsPeriod.Pieces pieces = period(range[0], range[1]).pieces();
            assertEquals(LocalDate.parse(range[0]), pieces.headFrom());
            assertEquals(LocalDate.parse(range[1]), pieces.headTo());
            assertEmpty(pieces.firstMonth(), pieces.lastMonth());
            assertEmpty(pieces.tailFrom(), pieces.tailTo());
        }
    }

    private static void assertEmpty(LocalDate from, LocalDate to) {
        assertEquals(true, to.isBefore(from), from + ".." + to + " should be empty");
    }

    private static StatsPeriod period(String start, String end) {
        return new StatsPeriod(LocalDate.parse(start), LocalDate.parse(end), ZoneId.of("Europe/Moscow"));
    }

    private static StatsPeriod.Pieces pieces(String... days) {
        return new StatsPeriod.Pieces(LocalDate.parse(days[0]), LocalDate.parse(days[1]), LocalDate.parse(days[2]),
                LocalDate.parse(days[3]), LocalDate.parse(days[4]), LocalDate.parse(days[5]));
    }
}
