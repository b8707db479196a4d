package org.callcentre.crm.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spoken numbers in the forms callers say them, each read from the first word. */
class SpokenNumbersTest {

    private static SpokenNumbers.Read read(String words) {
        return SpokenNumbers.at(List.of(words.split(" ")), 0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "семь, 7, 1",
            "сорок три, 43, 2",
            "сорока трех, 43, 2",
            "сто двенадцать, 112, 2",
            "двумстам пяти, 205, 2",
            "двух, 2, 1",
            "одиннадцати, 11, 1",
            "шестидесяти, 60, 1",
            "девятьсот девяносто девять, 999, 3",
            "семнадцать квартира, 17, 1",
            "218, 218, 1"})
    void inflectedAndCompoundCardinalsAreOneNumber(String words, int value, int length) {
        SpokenNumbers.Read r = read(words);
        assertEquals(value, r.value());
        assertEquals(length, r.length());
        assertFalse(r.ordinal());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "двадцать пятого, 25",
            "третьего, 3",
            "тридцать первое, 31",
            "пятнадцатой, 15",
            "сорок второй, 42",
            "шестидесятого, 60"})
    void ordinalsEndANumber(String words, int value) {
        SpokenNumbers.Read r = read(words);
        assertEquals(value, r.value());
        assertTrue(r.ordinal());
    }

    @Test
    void wordsOfTheSameOrderAreTwoNumbers() {
        assertEquals(2, read("два три").value());
        assertEquals(12, read("двенадцать три").value());
        assertEquals(1, read("двенадцать три").length());
        assertEquals(20, read("двадцать тридцать").value());
    }

    @Test
    void wordsThatAreNoNumbersAreNotRead() {
        assertNull(read("улица"));
        assertNull(read("квартира пять"));
        assertNull(SpokenNumbers.ordinal(List.of("сорок", "три"), 0));
        assertNull(SpokenNumbers.cardinal(List.of("пятого"), 0));
    }
}
