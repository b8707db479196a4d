package org.callcentre.crm.ai.drafts;

import java.util.Map;

/**
 * Numbers as ASR writes them: «сто два», «сорок три», «5»; and day ordinals in the genitive
 * («двенадцатого», «двадцать девятого»).
 */
final class SpokenNumbers {
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("один", 1), Map.entry("одна", 1), Map.entry("два", 2), Map.entry("две", 2), Map.entry("три", 3),
            Map.entry("четыре", 4), Map.entry("пять", 5), Map.entry("шесть", 6), Map.entry("семь", 7), Map.entry("восемь", 8),
            Map.entry("девять", 9));
    private static final Map<String, Integer> TEENS = Map.ofEntries(
            Map.entry("десять", 10), Map.entry("одиннадцать", 11), Map.entry("двенадцать", 12), Map.entry("тринадцать", 13),
            Map.entry("четырнадцать", 14), Map.entry("пятнадцать", 15), Map.entry("шестнадцать", 16),
            Map.entry("семнадцать", 17), Map.entry("восемнадцать", 18), Map.entry("девятнадцать", 19));
    private static final Map<String, Integer> TENS = Map.of("двадцать", 20, "тридцать", 30, "сорок", 40, "пятьдесят", 50,
            "шестьдесят", 60, "семьдесят", 70, "восемьдесят", 80, "девяносто", 90);
    private static final Map<String, Integer> HUNDREDS = Map.of("сто", 100, "двести", 200, "триста", 300, "четыреста", 400,
            "пятьсот", 500, "шестьсот", 600, "семьсот", 700, "восемьсот", 800, "девятьсот", 900);
    private static final Map<String, Integer> ORDINAL_UNITS = Map.ofEntries(
            Map.entry("первого", 1), Map.entry("второго", 2), Map.entry("третьего", 3), Map.entry("четвертого", 4),
            Map.entry("пятого", 5), Map.entry("шестого", 6), Map.entry("седьмого", 7), Map.entry("восьмого", 8),
            Map.entry("девятого", 9));
    private static final Map<String, Integer> ORDINAL_WHOLE = Map.ofEntries(
            Map.entry("десятого", 10), Map.entry("одиннадцатого", 11), Map.entry("двенадцатого", 12),
            Map.entry("тринадцатого", 13), Map.entry("четырнадцатого", 14), Map.entry("пятнадцатого", 15),
            Map.entry("шестнадцатого", 16), Map.entry("семнадцатого", 17), Map.entry("восемнадцатого", 18),
            Map.entry("девятнадцатого", 19), Map.entry("двадцатого", 20), Map.entry("тридцатого", 30));

    private SpokenNumbers() {
    }

    /** A number read at {@code at}: its value and how many words it took; null when none starts there. */
    record Read(int value, int length) {
    }

    static Read cardinal(Tokens t, int at) {
        String first = t.word(at);
        if (first.matches("\\d{1,4}")) {
            return new Read(Integer.parseInt(first), 1);
        }
        int i = at;
        int value = 0;
        if (HUNDREDS.containsKey(t.word(i))) {
            value += HUNDREDS.get(t.word(i++));
        }
        if (TEENS.containsKey(t.word(i))) {
            value += TEENS.get(t.word(i++));
        } else {
            if (TENS.containsKey(t.word(i)) && !ORDINAL_UNITS.containsKey(t.word(i + 1))) {
                value += TENS.get(t.word(i++));
            }
            if (UNITS.containsKey(t.word(i))) {
                value += UNITS.get(t.word(i++));
            }
        }
        return i == at ? null : new Read(value, i - at);
    }

    /** A day of the month said as a genitive ordinal: «двенадцатого», «двадцать девятого». */
    static Read dayOrdinal(Tokens t, int at) {
        String w = t.word(at);
        if (ORDINAL_WHOLE.containsKey(w)) {
            return new Read(ORDINAL_WHOLE.get(w), 1);
        }
        if (ORDINAL_UNITS.containsKey(w)) {
            return new Read(ORDINAL_UNITS.get(w), 1);
        }
        if ((w.equals("двадцать") || w.equals("тридцать")) && ORDINAL_UNITS.containsKey(t.word(at + 1))) {
            return new Read(TENS.get(w) + ORDINAL_UNITS.get(t.word(at + 1)), 2);
        }
        return null;
    }
}
