package org.callcentre.loadtest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who works when: each operator keeps one shift (early, day, evening or, in big cities, night)
 * five days a week with two days off in a row. Calls of a city go to its operators on shift at
 * the call's local hour; the status history follows the same roster, with short breaks and lunch.
 */
final class Roster {
    /** A shift: local start hour and length in hours. */
    private record Shift(int startHour, int hours) {
    }

    private static final Shift EARLY = new Shift(7, 9);
    private static final Shift DAY = new Shift(8, 9);
    private static final Shift EVENING = new Shift(13, 9);
    private static final Shift NIGHT = new Shift(22, 10);

    /** One work-status period of an operator; {@code end} −1 while it is still open. */
    record Period(long operatorId, String status, long start, long end) {
    }

    private final long[] operatorIds;
    private final Shift[] shifts;
    private final int[] firstDayOff;
    /** Per city, per ISO weekday (0 = Monday), per local hour: indexes of operators on shift. */
    private final int[][][][] onShift;
    private final int[][] ofCity;

    Roster(long[] operatorIds, int[] cityOf, int cities) {
        this.operatorIds = operatorIds;
        int n = operatorIds.length;
        shifts = new Shift[n];
        firstDayOff = new int[n];
        int[] perCity = new int[cities];
        int[] rankInCity = new int[n];
        for (int i = 0; i < n; i++) {
            rankInCity[i] = perCity[cityOf[i]]++;
        }
        for (int i = 0; i < n; i++) {
            int slot = rankInCity[i] % 10;
            boolean bigCity = perCity[cityOf[i]] >= 10;
            shifts[i] = slot == 9 && bigCity ? NIGHT : slot < 2 ? EARLY : slot < 5 ? DAY : EVENING;
            firstDayOff[i] = (rankInCity[i] * 3) % 7;
        }
        List<List<List<List<Integer>>>> lists = new ArrayList<>();
        for (int c = 0; c < cities; c++) {
            List<List<List<Integer>>> week = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                List<List<Integer>> hours = new ArrayList<>();
                for (int h = 0; h < 24; h++) {
                    hours.add(new ArrayList<>());
                }
                week.add(hours);
            }
            lists.add(week);
        }
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 7; d++) {
                if (!works(i, d)) {
                    continue;
                }
                for (int k = 0; k < shifts[i].hours(); k++) {
                    int hour = shifts[i].startHour() + k;
                    lists.get(cityOf[i]).get((d + hour / 24) % 7).get(hour % 24).add(i);
                }
            }
        }
        onShift = new int[cities][7][24][];
        ofCity = new int[cities][];
        for (int c = 0; c < cities; c++) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (cityOf[i] == c) {
                    all.add(i);
                }
            }
            ofCity[c] = all.stream().mapToInt(Integer::intValue).toArray();
            for (int d = 0; d < 7; d++) {
                for (int h = 0; h < 24; h++) {
                    int[] at = lists.get(c).get(d).get(h).stream().mapToInt(Integer::intValue).toArray();
                    onShift[c][d][h] = at.length > 0 ? at : ofCity[c];
                }
            }
        }
    }

    /** An operator of the city on shift at that local weekday and hour (any of the city's when nobody is). */
    int operatorAt(SplittableRandom r, int city, DayOfWeek day, int hour) {
        int[] at = onShift[city][day.getValue() - 1][hour];
        return at[r.nextInt(at.length)];
    }

    /**
     * The status history of operator {@code i} from {@code from} to {@code until} (epoch seconds):
     * offline between shifts; on a shift working, with a 15-minute break, a 40-minute lunch and
     * another 15-minute break. The period that reaches {@code until} is left open.
     */
    List<Period> history(int i, ZoneId zone, long from, long until, SplittableRandom r) {
        List<Period> periods = new ArrayList<>();
        long id = operatorIds[i];
        Shift shift = shifts[i];
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(from, 86_400L)).minusDays(1);
        long cursor = from;
        String status = "offline";
        while (true) {
            day = day.plusDays(1);
            if (!works(i, day.getDayOfWeek().getValue() - 1)) {
                continue;
            }
            long shiftStart = day.atTime(shift.startHour(), 0).atZone(zone).toEpochSecond() + r.nextInt(-600, 600);
            long shiftEnd = shiftStart + shift.hours() * 3600L + r.nextInt(-300, 900);
            if (shiftStart <= cursor) {
                continue;
            }
            long third = (shiftEnd - shiftStart) / 3;
            long[] marks = {shiftStart, shiftStart + third - 900, shiftStart + third, shiftStart + 3 * third / 2,
                    shiftStart + 3 * third / 2 + 2400, shiftEnd - third / 2, shiftEnd - third / 2 + 900, shiftEnd};
            String[] states = {"working", "break", "working", "break", "working", "break", "working", "offline"};
            for (int k = 0; k < marks.length; k++) {
                long at = marks[k] + (k == 0 || k == marks.length - 1 ? 0 : r.nextInt(-120, 120));
                if (at >= until) {
                    periods.add(new Period(id, status, cursor, -1));
                    return periods;
                }
                periods.add(new Period(id, status, cursor, at));
                cursor = at;
                status = states[k];
            }
        }
    }

    private boolean works(int i, int isoDayIndex) {
        return isoDayIndex != firstDayOff[i] && isoDayIndex != (firstDayOff[i] + 1) % 7;
    }
}
