package org.callcentre.crm.cities;

import org.callcentre.crm.shared.Fields;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A city's week, {@code {"mon":{"from":"09:00","to":"21:00"},…,"sun":null}}: a null day is closed.
 * Days are kept as the client sent them (a day left out stays out) but always in mon..sun order, so
 * the stored document and every answer read the same way.
 */
final class WorkingHours {
    static final String FIELD = "workingHours";
    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    private WorkingHours() {
    }

    /** The validated week from raw JSON; problems are added to {@code f} under {@value #FIELD}. */
    static Map<String, DayHours> parse(Fields f, Object json) {
        Map<String, DayHours> week = new LinkedHashMap<>();
        if (!(json instanceof Map<?, ?> raw)) {
            f.check(false, FIELD, "must be an object keyed by day: " + String.join(", ", DAYS));
            return week;
        }
        for (Object key : raw.keySet()) {
            f.check(DAYS.contains(key), FIELD, "unknown day '" + key + "'; days are " + String.join(", ", DAYS));
        }
        for (String day : DAYS) {
            if (raw.containsKey(day)) {
                week.put(day, day(f, day, raw.get(day)));
            }
        }
        return week;
    }

    /** The same week in mon..sun order, e.g. after a JSON round trip through the database. */
    static Map<String, DayHours> ordered(Map<String, DayHours> week) {
        Map<String, DayHours> ordered = new LinkedHashMap<>();
        DAYS.stream().filter(week::containsKey).forEach(day -> ordered.put(day, week.get(day)));
        return ordered;
    }

    private static DayHours day(Fields f, String day, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> hours) || !(hours.get("from") instanceof String from)
                || !(hours.get("to") instanceof String to)) {
            f.check(false, FIELD, day + ": must be null (closed) or {\"from\":\"HH:mm\",\"to\":\"HH:mm\"}");
            return null;
        }
        if (!from.matches(TIME) || !to.matches(TIME)) {
            f.check(false, FIELD, day + ": times must be HH:mm, e.g. 09:00");
            return null;
        }
        f.check(LocalTime.parse(from).isBefore(LocalTime.parse(to)), FIELD, day + ": 'from' must be before 'to'");
        return new DayHours(from, to);
    }
}
