package org.callcentre.crm.ai.drafts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Visit dates and times as callers say them; the call is on Wednesday 2026-04-15 at 16:40 local time. */
class VisitTimeRuleTest {
    private static final LocalDateTime WEDNESDAY = LocalDateTime.parse("2026-04-15T16:40");

    private static String visit(String text) {
        DraftField f = VisitTimeRule.find(Tokens.of(text), WEDNESDAY);
        return f == null ? null : f.value();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'ну давайте завтра', 2026-04-16",
            "'можно послезавтра', 2026-04-17",
            "'сегодня вечером сможете', 2026-04-15",
            "'через неделю', 2026-04-22",
            "'через три дня', 2026-04-18",
            "'давайте в пятницу', 2026-04-17",
            "'во вторник', 2026-04-21",
            "'в среду', 2026-04-22",
            "'на субботу запишите', 2026-04-18",
            "'двадцатого числа', 2026-04-20",
            "'давайте двадцать второго', 2026-04-22",
            "'третьего', 2026-05-03",
            "'на пятое мая', 2026-05-05",
            "'пятнадцатого', 2026-04-15"})
    void daysAreCountedFromTheCall(String said, String expected) {
        assertEquals(expected, visit(said));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'завтра в два', 2026-04-16T14:00",
            "'завтра к пяти', 2026-04-16T17:00",
            "'в пятницу в половине одиннадцатого', 2026-04-17T10:30",
            "'в пятницу полтретьего', 2026-04-17T14:30",
            "'завтра в десять утра', 2026-04-16T10:00",
            "'завтра в восемь вечера', 2026-04-16T20:00",
            "'завтра в девять', 2026-04-16T09:00",
            "'завтра в час', 2026-04-16T13:00",
            "'завтра в полдень', 2026-04-16T12:00",
            "'завтра в пятнадцать тридцать', 2026-04-16T15:30",
            "'завтра в восемнадцать ноль ноль', 2026-04-16T18:00",
            "'завтра часов в одиннадцать', 2026-04-16T11:00",
            "'завтра без четверти три', 2026-04-16T14:45",
            "'завтра в двенадцать двадцать', 2026-04-16T12:20",
            "'послезавтра с десяти до двенадцати', 2026-04-17T10:00",
            "'в четверг с двух до четырех', 2026-04-16T14:00",
            "'в понедельник между тремя и пятью', 2026-04-20T15:00",
            "'в два часа дня завтра', 2026-04-16T14:00",
            "'завтра с половины десятого до половины первого', 2026-04-16T09:30"})
    void clockTimesAreReadInsideTheWorkingDay(String said, String expected) {
        assertEquals(expected, visit(said));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'завтра утром', 2026-04-16",
            "'в пятницу после обеда', 2026-04-17",
            "'завтра в первой половине дня', 2026-04-16",
            "'в субботу ближе к вечеру', 2026-04-18"})
    void aPartOfTheDayGivesTheDateOnly(String said, String expected) {
        assertEquals(expected, visit(said));
    }

    @Test
    void theLastAgreedDayAndTimeCount() {
        assertEquals("2026-04-17T12:00", visit("давайте завтра в десять ой нет завтра не могу лучше в пятницу в двенадцать"));
        assertEquals("2026-04-16T12:00", visit("завтра в десять а можно попозже ну тогда в двенадцать хорошо"));
        assertEquals("2026-04-18", visit("в пятницу хорошо хотя нет давайте не в пятницу а в субботу"));
        assertEquals("2026-04-18T11:00", visit("в пятницу в одиннадцать нет давайте в субботу в то же время"));
    }

    @Test
    void aDayOfferedWithATimeKeepsItsTimeWhenChosenAgain() {
        assertEquals("2026-04-16T10:00",
                visit("мастер может завтра с десяти до двенадцати или в пятницу после обеда давайте завтра"));
    }

    @Test
    void countsFloorsAndHalfHoursAreNoVisit() {
        assertNull(visit("живу на пятом этаже в два раза дороже"));
        assertNull(visit("сломалась три года назад"));
        assertEquals("2026-04-16", visit("подъезд второго дома завтра"));
    }
}
