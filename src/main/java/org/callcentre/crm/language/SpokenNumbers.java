package org.callcentre.crm.language;

import java.util.List;
import java.util.Map;

/**
 * Numbers as speech recognition writes them, in any case: «сорока трёх» 43, «сто двенадцать» 112,
 * «двух» 2, «двадцать пятого» 25 (an ordinal), «пятнадцатой» 15, and digits. Each word is reduced to
 * its lemma by the dictionary, then words are taken while each is of a lower order than the one
 * before (hundreds, tens or teens, units), so «два три» is two numbers and «сорок три» one. Only
 * the last word may be an ordinal.
 */
public final class SpokenNumbers {
    private static final Map<String, Integer> CARDINALS = Map.ofEntries(
            Map.entry("ноль", 0), Map.entry("нуль", 0), Map.entry("один", 1), Map.entry("два", 2), Map.entry("три", 3),
            Map.entry("четыре", 4), Map.entry("пять", 5), Map.entry("шесть", 6), Map.entry("семь", 7),
            Map.entry("восемь", 8), Map.entry("девять", 9), Map.entry("десять", 10), Map.entry("одиннадцать", 11),
            Map.entry("двенадцать", 12), Map.entry("тринадцать", 13), Map.entry("четырнадцать", 14),
            Map.entry("пятнадцать", 15), Map.entry("шестнадцать", 16), Map.entry("семнадцать", 17),
            Map.entry("восемнадцать", 18), Map.entry("девятнадцать", 19), Map.entry("двадцать", 20),
            Map.entry("тридцать", 30), Map.entry("сорок", 40), Map.entry("пятьдесят", 50), Map.entry("шестьдесят", 60),
            Map.entry("семьдесят", 70), Map.entry("восемьдесят", 80), Map.entry("девяносто", 90), Map.entry("сто", 100),
            Map.entry("двести", 200), Map.entry("триста", 300), Map.entry("четыреста", 400), Map.entry("пятьсот", 500),
            Map.entry("шестьсот", 600), Map.entry("семьсот", 700), Map.entry("восемьсот", 800),
            Map.entry("девятьсот", 900), Map.entry("тысяча", 1000));
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("первый", 1), Map.entry("второй", 2), Map.entry("третий", 3), Map.entry("четвертый", 4),
            Map.entry("пятый", 5), Map.entry("шестой", 6), Map.entry("седьмой", 7), Map.entry("восьмой", 8),
            Map.entry("девятый", 9), Map.entry("десятый", 10), Map.entry("одиннадцатый", 11),
            Map.entry("двенадцатый", 12), Map.entry("тринадцатый", 13), Map.entry("четырнадцатый", 14),
            Map.entry("пятнадцатый", 15), Map.entry("шестнадцатый", 16), Map.entry("семнадцатый", 17),
            Map.entry("восемнадцатый", 18), Map.entry("девятнадцатый", 19), Map.entry("двадцатый", 20),
            Map.entry("тридцатый", 30), Map.entry("сороковой", 40), Map.entry("пятидесятый", 50),
            Map.entry("шестидесятый", 60), Map.entry("семидесятый", 70), Map.entry("восьмидесятый", 80),
            Map.entry("девяностый", 90), Map.entry("сотый", 100), Map.entry("двухсотый", 200), Map.entry("трехсотый", 300));

    private SpokenNumbers() {
    }

    /**
     * A number read at a position: its value, how many words it took, whether it ended in an
     * ordinal, and that ordinal's word (for its gender and case).
     */
    public record Read(int value, int length, boolean ordinal, String lastWord) {
        public int end(int start) {
            return start + length;
        }
    }

    /** The number (cardinal or ordinal) starting at {@code at}, or null. */
    public static Read at(List<String> words, int at) {
        if (at < 0 || at >= words.size()) {
            return null;
        }
        String first = words.get(at);
        if (first.matches("\\d{1,5}")) {
            return new Read(Integer.parseInt(first), 1, false, first);
        }
        int value = 0;
        int lastOrder = Integer.MAX_VALUE;
        int i = at;
        while (i < words.size()) {
            String w = words.get(i);
            Integer cardinal = cardinalOf(w);
            Integer ordinal = cardinal == null ? ordinalOf(w) : null;
            Integer v = cardinal != null ? cardinal : ordinal;
            if (v == null) {
                break;
            }
            int order = order(v);
            if (order >= lastOrder || (v == 0 && i > at)) {
                break;
            }
            value += v;
            // after a teen («двенадцать») no unit may follow: «двенадцать три» is two numbers
            lastOrder = order == 1 ? 0 : order;
            i++;
            if (ordinal != null) {
                return new Read(value, i - at, true, w);
            }
            if (v == 0) {
                break;
            }
        }
        return i == at ? null : new Read(value, i - at, false, words.get(i - 1));
    }

    /** Only a cardinal («сорок три», «двух»), or null. */
    public static Read cardinal(List<String> words, int at) {
        Read r = at(words, at);
        return r == null || r.ordinal() ? null : r;
    }

    /** Only a number ending in an ordinal («двадцать пятого», «третий»), or null. */
    public static Read ordinal(List<String> words, int at) {
        Read r = at(words, at);
        return r == null || !r.ordinal() ? null : r;
    }

    /** The value of a cardinal word in any case («трех» 3, «сорока» 40), or null. */
    public static Integer cardinalOf(String word) {
        String w = Morphology.fold(word);
        Integer direct = CARDINALS.get(w);
        if (direct != null) {
            return direct;
        }
        for (Morphology.Reading r : Morphology.russian().readings(w)) {
            if (r.is("NumC") || r.is("Num") || (r.lemma().equals("тысяча") && r.is("NN"))) {
                Integer v = CARDINALS.get(r.lemma());
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The value of an ordinal word in any case and gender («пятого» 5, «двадцатой» 20), or null. */
    public static Integer ordinalOf(String word) {
        for (Morphology.Reading r : Morphology.russian().readings(word)) {
            if (r.is("Ord")) {
                Integer v = ORDINALS.get(r.lemma());
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static int order(int v) {
        if (v >= 1000) {
            return 4;
        }
        if (v >= 100) {
            return 3;
        }
        if (v >= 20) {
            return 2;
        }
        return v >= 10 ? 1 : 0;
    }
}
