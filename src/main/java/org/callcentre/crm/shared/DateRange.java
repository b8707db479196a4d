package org.callcentre.crm.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A {@code dateFrom}/{@code dateTo} filter as a half-open instant range. Plain dates are whole local
 * days of the given zone and both ends are inclusive; date-times are taken as given.
 */
public record DateRange(Instant from, Instant toExclusive) {

    public static DateRange parse(String dateFrom, String dateTo, ZoneId zone) {
        Instant from = dateFrom == null || dateFrom.isBlank() ? null : parseEdge("dateFrom", dateFrom.trim(), zone, false);
        Instant to = dateTo == null || dateTo.isBlank() ? null : parseEdge("dateTo", dateTo.trim(), zone, true);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiException.badField("dateTo", "must not be before dateFrom");
        }
        return new DateRange(from, to);
    }

    private static Instant parseEdge(String field, String text, ZoneId zone, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, "must be yyyy-MM-dd or an ISO date-time");
        }
    }
}
