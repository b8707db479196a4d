package org.callcentre.crm.notifications.visits;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuietHoursTest {
    private static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));

    @Test
    void aSpanAcrossMidnightIsQuietOnBothSidesOfIt() {
        assertTrue(NIGHT.quiet(at("2030-03-01T23:30"), NOVOSIBIRSK));
        assertTrue(NIGHT.quiet(at("2030-03-02T08:59"), NOVOSIBIRSK));
        assertTrue(NIGHT.quiet(at("2030-03-01T21:00"), NOVOSIBIRSK), "the start is quiet");
        assertFalse(NIGHT.quiet(at("2030-03-02T09:00"), NOVOSIBIRSK), "the end is not");
        assertFalse(NIGHT.quiet(at("2030-03-01T14:00"), NOVOSIBIRSK));
    }

    @Test
    void theQuietHoursAreTheCitysWallClock() {
        // 23:30 in Moscow is 03:30 in Novosibirsk
        Instant moscowNight = LocalDateTime.parse("2030-03-01T23:30").atZone(ZoneId.of("Europe/Moscow")).toInstant();
        assertTrue(NIGHT.quiet(moscowNight, NOVOSIBIRSK));
        assertEquals(at("2030-03-02T09:00"), NIGHT.next(moscowNight, NOVOSIBIRSK));
    }

    @Test
    void nextIsTheEndOfTheQuietSpanAndPreviousTheMinuteBeforeItsStart() {
        assertEquals(at("2030-03-02T09:00"), NIGHT.next(at("2030-03-01T22:15"), NOVOSIBIRSK), "evening: next morning");
        assertEquals(at("2030-03-02T09:00"), NIGHT.next(at("2030-03-02T07:00"), NOVOSIBIRSK), "early morning: same morning");
        assertEquals(at("2030-03-01T20:59"), NIGHT.previous(at("2030-03-02T07:00"), NOVOSIBIRSK), "early morning: last evening");
        assertEquals(at("2030-03-01T20:59"), NIGHT.previous(at("2030-03-01T22:15"), NOVOSIBIRSK));
        assertEquals(at("2030-03-01T14:00"), NIGHT.next(at("2030-03-01T14:00"), NOVOSIBIRSK), "a daytime moment stays");
    }

    @Test
    void aSpanWithinOneDayAndAnEmptySpan() {
        QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
        assertTrue(lunch.quiet(at("2030-03-01T13:30"), NOVOSIBIRSK));
        assertFalse(lunch.quiet(at("2030-03-01T12:59"), NOVOSIBIRSK));
        assertEquals(at("2030-03-01T14:00"), lunch.next(at("2030-03-01T13:30"), NOVOSIBIRSK));
        assertFalse(new QuietHours(LocalTime.NOON, LocalTime.NOON).quiet(at("2030-03-01T12:00"), NOVOSIBIRSK));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(NOVOSIBIRSK).toInstant();
    }
}
