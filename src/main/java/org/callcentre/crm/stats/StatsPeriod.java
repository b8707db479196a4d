package org.callcentre.crm.stats;

import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The local days a statistics request covers, both ends inclusive, in the zone that decides what
 * "today" is.
 */
record StatsPeriod(LocalDate start, LocalDate end, ZoneId zone) {

    /**
     * A missing date is today in {@code zone}; a malformed one, an end before the start or a range
     * longer than {@code maxSpanDays} is a 400 naming {@code startDate}/{@code endDate}.
     */
    public static StatsPeriod parse(String startDate, String endDate, ZoneId zone, Clock clock, int maxSpanDays) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Fields f = new Fields();
        LocalDate start = f.attempt("startDate", () -> date("startDate", startDate, today));
        LocalDate end = f.attempt("endDate", () -> date("endDate", endDate, today));
        if (start != null && end != null) {
            f.check(!end.isBefore(start), "endDate", "must not be before startDate (" + start + ")");
            long span = ChronoUnit.DAYS.between(start, end) + 1;
            if (span > maxSpanDays) {
                String message = "startDate " + start + " to endDate " + end + " spans " + span + " days; at most " + maxSpanDays;
                f.check(false, "startDate", message);
                f.check(false, "endDate", message);
            }
        }
        f.throwIfAny();
        return new StatsPeriod(start, end, zone);
    }

    private static LocalDate date(String field, String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, "must be a date yyyy-MM-dd, not '" + text.trim() + "'");
        }
    }

    public static StatsPeriod today(ZoneId zone, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new StatsPeriod(today, today, zone);
    }

    public List<LocalDate> days() {
        return start.datesUntil(end.plusDays(1)).toList();
    }

    /**
     * The period as the days before its first whole calendar month, its whole months (by their
     * first days) and the days after them; a period holding no whole month is all head. Empty
     * pieces end before they start.
     */
    record Pieces(LocalDate headFrom, LocalDate headTo, LocalDate firstMonth, LocalDate lastMonth, LocalDate tailFrom,
                  LocalDate tailTo) {
    }

    Pieces pieces() {
        LocalDate firstMonth = start.getDayOfMonth() == 1 ? start : start.withDayOfMonth(1).plusMonths(1);
        // the first day after the last whole month: the day after end if end closes its month
        LocalDate afterMonths = end.plusDays(1).withDayOfMonth(1);
        if (!firstMonth.isBefore(afterMonths)) {
            return new Pieces(start, end, afterMonths, afterMonths.minusMonths(1), end.plusDays(1), end);
        }
        return new Pieces(start, firstMonth.minusDays(1), firstMonth, afterMonths.minusMonths(1), afterMonths, end);
    }

    /**
     * The period as aligned spans of {@value FactKind#MAX_SPAN_LEVEL} levels or fewer, greedily from its
     * start: at each day the longest span that starts there and ends within the period (level 0 is a
     * single day). A period of n days is at most about 2·log2(n) pieces plus n / 128, whatever its
     * ends: 8 for a month, 14 for any range up to a year.
     */
    record Spans(List<LocalDate> days, List<Integer> levels, List<LocalDate> starts) {
    }

    Spans spans() {
        List<LocalDate> days = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        long last = FactKind.SPAN_EPOCH.until(end, ChronoUnit.DAYS);
        for (long i = FactKind.SPAN_EPOCH.until(start, ChronoUnit.DAYS); i <= last; ) {
            int level = 0;
            // days before the epoch (no call has one) are read one by one, as the rollup's division does not floor them
            while (i >= 0 && level < FactKind.MAX_SPAN_LEVEL && i % (2L << level) == 0 && i + (2L << level) - 1 <= last) {
                level++;
            }
            LocalDate at = FactKind.SPAN_EPOCH.plusDays(i);
            if (level == 0) {
                days.add(at);
            } else {
                levels.add(level);
                starts.add(at);
            }
            i += 1L << level;
        }
        return new Spans(days, levels, starts);
    }

    /** Whether figures of {@code day} (a local day of any zone) may fall into this period. */
    boolean mayInclude(LocalDate day) {
        // a day of another zone overlaps the neighbouring days of this one
        return !day.isBefore(start.minusDays(1)) && !day.isAfter(end.plusDays(1));
    }

    /**
     * No local day of the period, in any zone, begins before this instant: time earlier than it
     * never counts.
     */
    Instant earliestInstant() {
        // zones lie at most 26 hours apart (UTC−12 to UTC+14)
        return start.atStartOfDay(zone).toInstant().minus(Duration.ofHours(26));
    }
}
