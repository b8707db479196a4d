package org.callcentre.crm.notifications.visits;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours of a city's day when clients get no SMS, e.g. 21:00–09:00 (the span may cross midnight;
 * from = to means none). Times are the wall clock of the city's zone.
 */
record QuietHours(LocalTime from, LocalTime to) {

    boolean quiet(Instant at, ZoneId zone) {
        if (from.equals(to)) {
            return false;
        }
        LocalTime t = at.atZone(zone).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    /** {@code at} itself when it is not quiet, else the end of the quiet span it falls in. */
    Instant next(Instant at, ZoneId zone) {
        if (!quiet(at, zone)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.with(to);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    /** {@code at} itself when it is not quiet, else the last minute before the quiet span it falls in began. */
    Instant previous(Instant at, ZoneId zone) {
        if (!quiet(at, zone)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime start = local.with(from);
        return (start.isAfter(local) ? start.minusDays(1) : start).minusMinutes(1).toInstant();
    }
}
