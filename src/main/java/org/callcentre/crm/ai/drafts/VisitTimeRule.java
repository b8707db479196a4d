package org.callcentre.crm.ai.drafts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

/**
 * The visit day and time a caller asks for, relative to when they called: «завтра после обеда»,
 * «в пятницу к десяти», «двенадцатого с утра», «в понедельник в половине третьего». Vague parts of
 * the day become fixed hours: утром 10:00, в обед 13:00, после обеда / днём 14:00, вечером 18:00.
 * A bare hour from one to seven means the afternoon (nobody books a repair for 3 a.m.).
 */
final class VisitTimeRule {
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("понедельник", DayOfWeek.MONDAY, "вторник", DayOfWeek.TUESDAY,
            "среду", DayOfWeek.WEDNESDAY, "четверг", DayOfWeek.THURSDAY, "пятницу", DayOfWeek.FRIDAY,
            "субботу", DayOfWeek.SATURDAY, "воскресенье", DayOfWeek.SUNDAY);
    /** Hours after «к» (dative) or in «в половине …» (genitive ordinal). */
    private static final Map<String, Integer> DATIVE_HOURS = Map.ofEntries(
            Map.entry("часу", 1), Map.entry("двум", 2), Map.entry("трем", 3), Map.entry("четырем", 4), Map.entry("пяти", 5),
            Map.entry("шести", 6), Map.entry("семи", 7), Map.entry("восьми", 8), Map.entry("девяти", 9),
            Map.entry("десяти", 10), Map.entry("одиннадцати", 11), Map.entry("двенадцати", 12));
    private static final Map<String, Integer> HALF_PAST = Map.ofEntries(
            Map.entry("первого", 0), Map.entry("второго", 1), Map.entry("третьего", 2), Map.entry("четвертого", 3),
            Map.entry("пятого", 4), Map.entry("шестого", 5), Map.entry("седьмого", 6), Map.entry("восьмого", 7),
            Map.entry("девятого", 8), Map.entry("десятого", 9), Map.entry("одиннадцатого", 10), Map.entry("двенадцатого", 11));

    private VisitTimeRule() {
    }

    private record Found(int start, int end) {
    }

    static DraftField find(Tokens t, LocalDateTime callTime) {
        LocalDate day = null;
        Found dayAt = null;
        for (int i = 0; i < t.size() && day == null; i++) {
            String w = t.word(i);
            LocalDate today = callTime.toLocalDate();
            switch (w) {
                case "сегодня" -> day = today;
                case "завтра" -> day = today.plusDays(1);
                case "послезавтра" -> day = today.plusDays(2);
                default -> {
                    if (WEEKDAYS.containsKey(w) && (t.word(i - 1).equals("в") || t.word(i - 1).equals("во"))) {
                        day = next(today, WEEKDAYS.get(w));
                        dayAt = new Found(i - 1, i + 1);
                        continue;
                    }
                    SpokenNumbers.Read ordinal = SpokenNumbers.dayOrdinal(t, i);
                    if (ordinal != null && ordinal.value() <= 31 && !t.word(i - 1).equals("половине")) {
                        day = dayOfMonth(today, ordinal.value());
                        int end = i + ordinal.length() + (t.word(i + ordinal.length()).equals("числа") ? 1 : 0);
                        dayAt = new Found(i, end);
                        continue;
                    }
                }
            }
            if (day != null && dayAt == null) {
                dayAt = new Found(i, i + 1);
            }
        }
        if (day == null) {
            return null;
        }
        TimeFound time = time(t, dayAt.end());
        if (time == null) {
            return new DraftField(day.toString(), t.span(dayAt.start(), dayAt.end()));
        }
        int from = Math.min(dayAt.start(), time.start());
        int to = Math.max(dayAt.end(), time.end());
        return new DraftField(LocalDateTime.of(day, time.time()).toString(), t.span(from, to));
    }

    private record TimeFound(LocalTime time, int start, int end) {
    }

    /** The first time of day said within a few words after the day. */
    private static TimeFound time(Tokens t, int from) {
        for (int i = from; i < Math.min(t.size(), from + 4); i++) {
            String w = t.word(i);
            String next = t.word(i + 1);
            if (w.equals("утром") || (w.equals("с") && next.equals("утра"))) {
                return new TimeFound(LocalTime.of(10, 0), i, i + (w.equals("с") ? 2 : 1));
            }
            if (w.equals("днем") || (w.equals("после") && next.equals("обеда"))) {
                return new TimeFound(LocalTime.of(14, 0), i, i + (w.equals("после") ? 2 : 1));
            }
            if (w.equals("в") && next.equals("обед")) {
                return new TimeFound(LocalTime.of(13, 0), i, i + 2);
            }
            if (w.equals("вечером")) {
                return new TimeFound(LocalTime.of(18, 0), i, i + 1);
            }
            if (w.equals("к") && DATIVE_HOURS.containsKey(next)) {
                return clock(t, DATIVE_HOURS.get(next), 0, i, i + 2);
            }
            if (w.equals("в") && next.equals("половине") && HALF_PAST.containsKey(t.word(i + 2))) {
                return clock(t, HALF_PAST.get(t.word(i + 2)), 30, i, i + 3);
            }
            if (w.equals("в")) {
                SpokenNumbers.Read hour = SpokenNumbers.cardinal(t, i + 1);
                if (hour != null && hour.value() >= 1 && hour.value() <= 12) {
                    int end = i + 1 + hour.length();
                    int minutes = 0;
                    SpokenNumbers.Read min = SpokenNumbers.cardinal(t, end);
                    if (min != null && min.value() >= 10 && min.value() < 60) {
                        minutes = min.value();
                        end += min.length();
                    }
                    return clock(t, hour.value(), minutes, i, end);
                }
            }
        }
        return null;
    }

    /** An hour on the clock face, made a 24-hour time by «утра»/«вечера»/«дня» after it, or by working hours. */
    private static TimeFound clock(Tokens t, int hour, int minutes, int start, int end) {
        if (t.word(end).equals("часов") || t.word(end).equals("часа") || t.word(end).equals("час")) {
            end++;
        }
        String part = t.word(end);
        boolean morning = part.equals("утра");
        boolean evening = part.equals("вечера") || part.equals("дня");
        if (morning || evening) {
            end++;
        }
        int h = hour == 12 ? 12 : (evening || (!morning && hour < 8)) ? hour + 12 : hour;
        return new TimeFound(LocalTime.of(h % 24, minutes), start, end);
    }

    /** The next such weekday after today; today's own weekday means a week ahead. */
    private static LocalDate next(LocalDate today, DayOfWeek weekday) {
        int ahead = (weekday.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
        return today.plusDays(ahead == 0 ? 7 : ahead);
    }

    /** The day of this month, or of the next when it has passed. */
    private static LocalDate dayOfMonth(LocalDate today, int day) {
        LocalDate month = day < today.getDayOfMonth() ? today.plusMonths(1).withDayOfMonth(1) : today.withDayOfMonth(1);
        return month.withDayOfMonth(Math.min(day, month.lengthOfMonth()));
    }
}
