package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.language.Morphology;
import org.callcentre.crm.language.SpokenNumbers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The visit's day and clock time, resolved from the call's own local time: завтра +1, послезавтра
 * +2, a weekday the next such day after the call, a bare day of the month in the call's month (the
 * next one when it has passed), «через неделю»; a clock time «в два» (14:00), «к пяти» (17:00), «в
 * половине одиннадцатого» (10:30), «без четверти три», «с десяти до двенадцати» (its start). Bare
 * hours are read inside a 9:00–21:00 working day unless «утра»/«вечера» says otherwise; a part of
 * the day alone («утром», «после обеда») gives the date without a time. Every mention is found;
 * those refused («завтра не могу», «не в пятницу») are dropped, and the last day said counts, with
 * the last time said after it (or one said with the same day earlier, or «в то же время»).
 */
final class VisitTimeRule {
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("понедельник", DayOfWeek.MONDAY,
            "вторник", DayOfWeek.TUESDAY, "среда", DayOfWeek.WEDNESDAY, "четверг", DayOfWeek.THURSDAY,
            "пятница", DayOfWeek.FRIDAY, "суббота", DayOfWeek.SATURDAY, "воскресенье", DayOfWeek.SUNDAY);
    private static final List<String> MONTHS = List.of("января", "февраля", "марта", "апреля", "мая", "июня", "июля",
            "августа", "сентября", "октября", "ноября", "декабря");
    private static final Set<String> NOT_THIS_DAY = Set.of("каждый", "каждую", "каждое", "по", "прошлый", "прошлую",
            "прошлое", "прошлой", "прошлом", "позапрошлый", "вчера", "с", "до");
    /** Words after an ordinal that make it a floor, an entrance or a house, not a day. */
    private static final Set<String> NOT_A_DAY_AFTER = Set.of("этажа", "этаж", "этаже", "подъезда", "подъезд", "подъезде",
            "дома", "дом", "корпуса", "корпус", "квартиры", "квартира", "микрорайона", "года", "год", "раза", "раз", "класса",
            "часа", "дня", "линии", "линия", "переулка", "переулок", "проезда", "проезд");
    private static final Set<String> HALF = Set.of("половине", "половина", "половины", "пол");
    private static final Set<String> TIME_PREPOSITIONS = Set.of("в", "во", "к", "с", "со", "около", "после", "на", "от",
            "между", "часов", "часам", "часиков", "часика", "часа", "примерно");
    /** After these a number is a count, not a clock time: «в два раза», «в пять лет», «на два часа работы». */
    private static final Set<String> NOT_A_TIME_AFTER = Set.of("раз", "раза", "лет", "года", "год", "недели", "неделю",
            "недель", "месяца", "месяцев", "месяц", "тысяч", "тысячи", "рублей", "рубля", "рубль", "этаж", "этаже", "этажа",
            "этажей", "подъезд", "квартира", "квартиры", "дом", "дома", "человек", "штуки", "штук", "градусов", "дней",
            "минут", "минуты", "сантиметров", "литров", "процентов", "кило", "килограмм", "программ", "режим");
    private static final Set<String> NOT_A_TIME_BEFORE = Set.of("дом", "квартира", "квартиру", "корпус", "кв", "д",
            "номер", "подъезд", "этаж", "код", "домофон", "через");
    private static final Set<String> REFUSALS = Set.of("не могу", "не получится", "не смогу", "не успею", "неудобно",
            "не удобно", "не подходит", "не выйдет", "занят", "занята", "заняты", "не будет", "не буду", "нельзя",
            "не получиться", "не сможем", "не сможет", "меня не будет", "нас не будет", "никого не будет");
    private static final Set<String> SAME_TIME = Set.of("то же время", "тоже время", "это же время", "то же самое время");
    private static final int ATTACHED = 6;

    private VisitTimeRule() {
    }

    private record DayMention(LocalDate day, int start, int end) {
    }

    private record TimeMention(LocalTime time, int start, int end) {
    }

    static DraftField find(Tokens t, LocalDateTime callTime) {
        LocalDate today = callTime.toLocalDate();
        List<DayMention> days = new ArrayList<>();
        List<TimeMention> times = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            DayMention day = day(t, i, today);
            if (day != null) {
                if (!refused(t, day.start(), day.end())) {
                    days.add(day);
                }
                i = day.end() - 1;
                continue;
            }
            TimeMention time = time(t, i);
            if (time != null) {
                if (!refused(t, time.start(), time.end())) {
                    times.add(time);
                }
                i = time.end() - 1;
            }
        }
        if (days.isEmpty()) {
            return null;
        }
        DayMention day = days.get(days.size() - 1);
        TimeMention time = timeFor(t, day, days, times);
        if (time == null) {
            return new DraftField(day.day().toString(), t.span(day.start(), day.end()));
        }
        int from = Math.min(day.start(), time.start());
        int to = Math.max(day.end(), time.end());
        String evidence = to - from <= 12 ? t.span(from, to)
                : t.span(day.start(), day.end()) + " … " + t.span(time.start(), time.end());
        return new DraftField(LocalDateTime.of(day.day(), time.time()).toString(), evidence);
    }

    /** The last time said after the chosen day (or just before it), else with an earlier mention of the same day. */
    private static TimeMention timeFor(Tokens t, DayMention day, List<DayMention> days, List<TimeMention> times) {
        TimeMention after = null;
        TimeMention before = null;
        for (TimeMention time : times) {
            if (time.start() >= day.start() - 4) {
                after = time;
            } else {
                before = time;
            }
        }
        if (after != null) {
            return after;
        }
        if (before != null && containsPhrase(t, SAME_TIME, day.start(), t.size())) {
            return before;
        }
        for (int d = days.size() - 2; d >= 0; d--) {
            DayMention earlier = days.get(d);
            if (!earlier.day().equals(day.day())) {
                continue;
            }
            TimeMention attached = null;
            for (TimeMention time : times) {
                if (time.start() >= earlier.start() - 4 && time.start() <= earlier.end() + ATTACHED) {
                    attached = time;
                }
            }
            if (attached != null) {
                return attached;
            }
        }
        return null;
    }

    static DayMention day(Tokens t, int i, LocalDate today) {
        String w = t.word(i);
        switch (w) {
            case "сегодня":
                return new DayMention(today, i, i + 1);
            case "завтра":
                return new DayMention(today.plusDays(1), i, i + 1);
            case "послезавтра":
                return new DayMention(today.plusDays(2), i, i + 1);
            case "через":
                return after(t, i, today);
            default:
                break;
        }
        if (NOT_THIS_DAY.contains(t.word(i - 1)) || NOT_THIS_DAY.contains(t.word(i - 2)) && t.word(i - 1).startsWith("прошл")) {
            return null;
        }
        for (Morphology.Reading r : Morphology.russian().readings(w)) {
            DayOfWeek weekday = WEEKDAYS.get(r.lemma());
            if (weekday != null && r.has("Sin")) {
                int start = t.word(i - 1).equals("в") || t.word(i - 1).equals("во") || t.word(i - 1).equals("на") ? i - 1 : i;
                return new DayMention(next(today, weekday), start, i + 1);
            }
        }
        if (HALF.contains(t.word(i - 1)) || t.word(i - 1).equals("без")) {
            return null;
        }
        SpokenNumbers.Read ordinal = SpokenNumbers.ordinal(t.words(), i);
        if (ordinal == null || ordinal.value() < 1 || ordinal.value() > 31) {
            return null;
        }
        int end = ordinal.end(i);
        int month = MONTHS.indexOf(t.word(end));
        if (month >= 0) {
            return new DayMention(dayOfMonth(today, ordinal.value(), month + 1), i, end + 1);
        }
        if (t.word(end).equals("числа") || t.word(end).equals("число")) {
            return new DayMention(dayOfMonth(today, ordinal.value(), 0), i, end + 1);
        }
        if (NOT_A_DAY_AFTER.contains(t.word(end))) {
            return null;
        }
        boolean genitive = Morphology.russian().readings(ordinal.lastWord()).stream()
                .anyMatch(r -> r.is("Ord") && r.has("R") && (r.has("Masc") || r.has("Neut")));
        boolean onTheNth = t.word(i - 1).equals("на") && Morphology.russian().readings(ordinal.lastWord()).stream()
                .anyMatch(r -> r.is("Ord") && r.has("Neut"));
        return genitive || onTheNth ? new DayMention(dayOfMonth(today, ordinal.value(), 0), i, end) : null;
    }

    /** «через день» (+2, as people say it), «через два дня», «через неделю». */
    private static DayMention after(Tokens t, int i, LocalDate today) {
        String unit = t.word(i + 1);
        if (unit.equals("день")) {
            return new DayMention(today.plusDays(2), i, i + 2);
        }
        if (unit.equals("неделю")) {
            return new DayMention(today.plusDays(7), i, i + 2);
        }
        SpokenNumbers.Read n = SpokenNumbers.cardinal(t.words(), i + 1);
        if (n != null && n.value() <= 14) {
            String after = t.word(n.end(i + 1));
            if (after.equals("дня") || after.equals("дней")) {
                return new DayMention(today.plusDays(n.value()), i, n.end(i + 1) + 1);
            }
        }
        return null;
    }

    static TimeMention time(Tokens t, int i) {
        String w = t.word(i);
        if (w.startsWith("полдн") || w.startsWith("полудн") || w.equals("полдень")) {
            return new TimeMention(LocalTime.NOON, i, i + 1);
        }
        // «в половине одиннадцатого», «пол третьего», «полтретьего»
        if (HALF.contains(w) || w.startsWith("пол") && w.length() > 5 && SpokenNumbers.ordinalOf(w.substring(3)) != null) {
            if (t.word(i - 1).equals("до")) {
                // the end of an interval («с половины третьего до половины пятого»): its start counts
                return null;
            }
            boolean glued = !HALF.contains(w);
            Integer next = glued ? SpokenNumbers.ordinalOf(w.substring(3)) : SpokenNumbers.ordinalOf(t.word(i + 1));
            if (next != null && next >= 1 && next <= 12) {
                int start = t.word(i - 1).equals("в") || t.word(i - 1).equals("с") ? i - 1 : i;
                return clock(t, next - 1 == 0 ? 12 : next - 1, 30, start, i + (glued ? 1 : 2));
            }
            return null;
        }
        // «без четверти три», «без пятнадцати пять»
        if (w.equals("без")) {
            Integer minutes = t.word(i + 1).equals("четверти") ? Integer.valueOf(15) : SpokenNumbers.cardinalOf(t.word(i + 1));
            SpokenNumbers.Read hour = minutes == null ? null : SpokenNumbers.cardinal(t.words(), i + 2);
            if (hour != null && minutes > 0 && minutes < 30 && hour.value() >= 1 && hour.value() <= 12) {
                return clock(t, hour.value() == 1 ? 12 : hour.value() - 1, 60 - minutes, i, hour.end(i + 2));
            }
            return null;
        }
        if (!TIME_PREPOSITIONS.contains(w) || NOT_A_TIME_BEFORE.contains(t.word(i - 1))) {
            return null;
        }
        int at = i + 1;
        while (TIME_PREPOSITIONS.contains(t.word(at)) && at < i + 3) {
            at++;
        }
        if (t.word(at).equals("час") || t.word(at).equals("часу")) {
            return t.word(at + 1).equals("ночи") ? null : clock(t, 1, 0, i, at + 1);
        }
        SpokenNumbers.Read hour = SpokenNumbers.cardinal(t.words(), at);
        if (hour == null || hour.value() < 1 || hour.value() > 23) {
            return null;
        }
        int end = hour.end(at);
        if (NOT_A_TIME_AFTER.contains(t.word(end))) {
            return null;
        }
        // a lone hour after «на», «часов» and the like needs a clock word to be a time: «на десять утра»
        boolean needsClockWord = !Set.of("в", "во", "к", "с", "со", "около", "после", "от", "между").contains(w);
        TimeMention found = clockAt(t, hour.value(), i, end);
        if (found == null || needsClockWord && found.end() == end && !w.startsWith("час")) {
            return null;
        }
        return found;
    }

    /** An hour read at {@code end - …}, then «часов», minutes, «утра»/«дня»/«вечера». */
    private static TimeMention clockAt(Tokens t, int hour, int start, int end) {
        int minutes = 0;
        if (t.word(end).startsWith("час")) {
            end++;
        }
        if (t.word(end).equals("ноль") || t.word(end).equals("ноль-ноль")) {
            SpokenNumbers.Read unit = SpokenNumbers.cardinal(t.words(), end + 1);
            minutes = unit == null || unit.value() > 9 ? 0 : unit.value();
            end += unit == null || unit.value() > 9 ? 1 : 2;
        } else {
            SpokenNumbers.Read min = SpokenNumbers.cardinal(t.words(), end);
            if (min != null && min.value() >= 5 && min.value() < 60 && !NOT_A_TIME_AFTER.contains(t.word(min.end(end)))) {
                minutes = min.value();
                end = min.end(end);
            }
        }
        if (t.word(end).startsWith("минут")) {
            end++;
        }
        return clock(t, hour, minutes, start, end);
    }

    /** An hour on the clock face made a 24-hour time: «утра»/«дня»/«вечера»/«ночи» after it, or the 9–21 working day. */
    private static TimeMention clock(Tokens t, int hour, int minutes, int start, int end) {
        String part = t.word(end);
        int h = hour;
        switch (part) {
            case "утра", "утром" -> {
                end++;
            }
            case "дня", "вечера", "вечером", "днем" -> {
                h = hour < 12 ? hour + 12 : hour;
                end++;
            }
            case "ночи" -> {
                return null;
            }
            default -> h = hour >= 9 ? hour : hour + 12;
        }
        if (h > 23) {
            return null;
        }
        return new TimeMention(LocalTime.of(h, minutes), start, end);
    }

    /** «завтра не могу», «не в пятницу», «в десять неудобно»: a mention the caller turned down. */
    private static boolean refused(Tokens t, int start, int end) {
        if (t.word(start - 1).equals("не") || t.word(start - 2).equals("не") && t.word(start - 1).equals("на")) {
            return true;
        }
        return containsPhrase(t, REFUSALS, end, Math.min(t.size(), end + 4));
    }

    private static boolean containsPhrase(Tokens t, Set<String> phrases, int from, int to) {
        for (int i = from; i < to; i++) {
            for (String p : phrases) {
                if (t.span(i, i + p.split(" ").length).equals(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The next such weekday after the call; the call's own weekday means a week ahead. */
    private static LocalDate next(LocalDate today, DayOfWeek weekday) {
        int ahead = (weekday.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
        return today.plusDays(ahead == 0 ? 7 : ahead);
    }

    /** The day in the named month (0: the call's month, or the next when the day has passed). */
    private static LocalDate dayOfMonth(LocalDate today, int day, int month) {
        if (month > 0) {
            LocalDate first = LocalDate.of(today.getYear(), month, 1);
            LocalDate date = first.withDayOfMonth(Math.min(day, first.lengthOfMonth()));
            return date.isBefore(today) ? date.plusYears(1) : date;
        }
        LocalDate first = day < today.getDayOfMonth() ? today.plusMonths(1).withDayOfMonth(1) : today.withDayOfMonth(1);
        return first.withDayOfMonth(Math.min(day, first.lengthOfMonth()));
    }
}
