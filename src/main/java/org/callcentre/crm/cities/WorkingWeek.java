package org.callcentre.crm.cities;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * A city's working hours as a clock that runs only while the city works: a target of 30 minutes set
 * at 20:50 with hours until 21:00 comes due at 09:20 the next working morning. A city without hours
 * set works around the clock.
 */
public final class WorkingWeek {
    /** Far enough for any target a city sets (they are capped at 30 days of working time). */
    private static final int MAX_DAYS = 800;

    private final Map<String, DayHours> week;
    private final ZoneId zone;

    private WorkingWeek(Map<String, DayHours> week, ZoneId zone) {
        this.week = week == null ? Map.of() : week;
        this.zone = zone;
    }

    public static WorkingWeek of(City city) {
        return new WorkingWeek(city.workingHours(), ZoneId.of(city.timezone()));
    }

    static WorkingWeek of(Map<String, DayHours> week, ZoneId zone) {
        return new WorkingWeek(week, zone);
    }

    /** Whether the city works at {@code at} (a city without hours set always does). */
    public boolean isOpenAt(Instant at) {
        if (week.isEmpty()) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        DayHours hours = week.get(WorkingHours.DAYS.get(local.getDayOfWeek().getValue() - 1));
        if (hours == null) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(LocalTime.parse(hours.from())) && time.isBefore(LocalTime.parse(hours.to()));
    }

    /** When {@code target} of working time has passed since {@code start}; empty when the city never works. */
    public Optional<Instant> deadline(Instant start, Duration target) {
        if (week.isEmpty()) {
            return Optional.of(start.plus(target));
        }
        Duration left = target;
        ZonedDateTime from = start.atZone(zone);
        LocalDate date = from.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            DayHours hours = week.get(WorkingHours.DAYS.get(date.getDayOfWeek().getValue() - 1));
            if (hours == null) {
                continue;
            }
            ZonedDateTime opens = ZonedDateTime.of(date, LocalTime.parse(hours.from()), zone);
            ZonedDateTime closes = ZonedDateTime.of(date, LocalTime.parse(hours.to()), zone);
            ZonedDateTime counting = from.isAfter(opens) ? from : opens;
            if (!counting.isBefore(closes)) {
                continue;
            }
            Duration today = Duration.between(counting, closes);
            if (left.compareTo(today) <= 0) {
                return Optional.of(counting.plus(left).toInstant());
            }
            left = left.minus(today);
        }
        return Optional.empty();
    }
}
