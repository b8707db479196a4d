package org.callcentre.crm.cities;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deadlines counted in a city's working hours, on fixed times in the city's own zone. */
class WorkingWeekTest {
    private static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");
    private static final DayHours NINE_TO_NINE = new DayHours("09:00", "21:00");

    /** Monday to Friday 09:00–21:00, weekend closed. */
    private static Map<String, DayHours> weekdays() {
        Map<String, DayHours> week = new HashMap<>();
        for (String day : new String[]{"mon", "tue", "wed", "thu", "fri"}) {
            week.put(day, NINE_TO_NINE);
        }
        week.put("sat", null);
        week.put("sun", null);
        return week;
    }

    /** 2026-12-07 is a Monday. */
    private static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(YEKATERINBURG).toInstant();
    }

    @Test
    void aTargetInsideTheWorkingDayIsPlainTime() {
        assertEquals(Optional.of(local("2026-12-07T10:15:00")),
                WorkingWeek.of(weekdays(), YEKATERINBURG).deadline(local("2026-12-07T10:00:00"), Duration.ofMinutes(15)));
    }

    @Test
    void theClockStopsAtClosingAndRunsOnTheNextWorkingMorning() {
        // 10 minutes before closing on Friday: the other 20 count from Monday 09:00
        assertEquals(Optional.of(local("2026-12-14T09:20:00")),
                WorkingWeek.of(weekdays(), YEKATERINBURG).deadline(local("2026-12-11T20:50:00"), Duration.ofMinutes(30)));
    }

    @Test
    void aChatQueuedAtNightStartsCountingWhenTheCityOpens() {
        assertEquals(Optional.of(local("2026-12-08T09:00:05")),
                WorkingWeek.of(weekdays(), YEKATERINBURG).deadline(local("2026-12-08T02:30:00"), Duration.ofSeconds(5)));
    }

    @Test
    void aTargetLongerThanADaySpansSeveralWorkingDays() {
        // 12 working hours a day: 30 hours from Monday 09:00 are Monday, Tuesday and 6 hours of Wednesday
        assertEquals(Optional.of(local("2026-12-09T15:00:00")),
                WorkingWeek.of(weekdays(), YEKATERINBURG).deadline(local("2026-12-07T09:00:00"), Duration.ofHours(30)));
    }

    @Test
    void aCityWithoutHoursWorksAroundTheClockAndOneThatNeverWorksHasNoDeadline() {
        assertEquals(Optional.of(local("2026-12-07T03:00:05")),
                WorkingWeek.of(Map.of(), YEKATERINBURG).deadline(local("2026-12-07T03:00:00"), Duration.ofSeconds(5)));
        Map<String, DayHours> closed = new HashMap<>();
        closed.put("mon", null);
        assertEquals(Optional.empty(), WorkingWeek.of(closed, YEKATERINBURG).deadline(local("2026-12-07T10:00:00"), Duration.ofMinutes(1)));
    }

    @Test
    void theCityIsOpenFromItsOpeningMinuteUntilBeforeItsClosingMinute() {
        WorkingWeek week = WorkingWeek.of(weekdays(), YEKATERINBURG);
        assertEquals(false, week.isOpenAt(local("2026-12-07T08:59:59")));
        assertEquals(true, week.isOpenAt(local("2026-12-07T09:00:00")));
        assertEquals(true, week.isOpenAt(local("2026-12-07T20:59:59")));
        assertEquals(false, week.isOpenAt(local("2026-12-07T21:00:00")));
        assertEquals(false, week.isOpenAt(local("2026-12-12T12:00:00")), "Saturday is closed");
    }

    @Test
    void aCityWithoutHoursIsAlwaysOpen() {
        assertEquals(true, WorkingWeek.of(Map.of(), YEKATERINBURG).isOpenAt(local("2026-12-12T03:00:00")));
        assertEquals(true, WorkingWeek.of(null, YEKATERINBURG).isOpenAt(local("2026-12-12T03:00:00")));
    }
}
