package org.callcentre.crm.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpreadsheetCellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "=HYPERLINK(\"http://evil\";\"x\")|'=HYPERLINK(\"http://evil\";\"x\")",
            "@SUM(A1:A9)|'@SUM(A1:A9)",
            "-2+3+cmd!A0|'-2+3+cmd!A0",
            "+cmd|'+cmd",
            "+79161234567|+79161234567",
            "+7 (916) 123-45-67|+7 (916) 123-45-67",
            "-12.50|-12.50",
            "Перезвонить завтра|Перезвонить завтра",
    })
    void textThatASpreadsheetWouldRunGetsAnApostrophe(String cell, String expected) {
        assertEquals(expected, SpreadsheetCells.neutralised(cell));
    }
}
