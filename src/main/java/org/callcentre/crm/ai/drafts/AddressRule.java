package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.language.Morphology;
import org.callcentre.crm.language.SpokenNumbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The visit's address as callers say it: «улица бутлерова дом семнадцать б квартира двести девять»,
 * «малышева сто двадцать два квартира пятьдесят девять», «вторая советская улица дом семь», «улица
 * сорок лет победы девятнадцать», «ленина шестьдесят четыре дробь два», «ульяновский проспект
 * двадцать». Written back in the usual short form: «ул. Бутлерова, д. 17Б, кв. 209».
 *
 * <p>Every mention of a street with a house number is read; the last one is the visit's (callers name
 * the old or home address first: «я живу на …, а холодильник у мамы на …»), and a later repetition of
 * the same street fills what it adds. After it, corrections count: «дом не шесть а шестнадцать»,
 * «квартира девяносто один» said again, «корпус три», «девять с буквой а».
 */
final class AddressRule {
    /** Street type lemmas and how they are written; the gender makes an adjectival name agree with it. */
    private record StreetType(String written, String gender) {
    }

    private static final Map<String, StreetType> STREET_TYPES = Map.ofEntries(
            Map.entry("улица", new StreetType("ул.", "Fem")), Map.entry("ул", new StreetType("ул.", "Fem")),
            Map.entry("проспект", new StreetType("пр-т", "Masc")), Map.entry("переулок", new StreetType("пер.", "Masc")),
            Map.entry("пер", new StreetType("пер.", "Masc")), Map.entry("шоссе", new StreetType("ш.", "Neut")),
            Map.entry("бульвар", new StreetType("б-р", "Masc")), Map.entry("набережная", new StreetType("наб.", "Fem")),
            Map.entry("площадь", new StreetType("пл.", "Fem")), Map.entry("проезд", new StreetType("пр-д", "Masc")),
            Map.entry("тупик", new StreetType("туп.", "Masc")), Map.entry("микрорайон", new StreetType("мкр.", "Masc")),
            Map.entry("аллея", new StreetType("ал.", "Fem")), Map.entry("тракт", new StreetType("тракт", "Masc")));
    private static final StreetType DEFAULT_TYPE = new StreetType("ул.", "Fem");
    private static final Set<String> HOUSE = Set.of("дом", "д", "дома", "домик");
    private static final Set<String> BUILDING = Set.of("корпус", "корп", "корпуса");
    private static final Set<String> STRUCTURE = Set.of("строение", "стр");
    private static final Set<String> FLAT = Set.of("квартира", "кв", "квартиры", "квартиру", "квартире");
    private static final Set<String> FRACTION = Set.of("дробь", "слэш", "слеш");
    private static final Set<String> LETTER_CUE = Set.of("буква", "буквой", "буквы");
    /** Spoken letters of a house («семнадцать бэ»); «а» and «в» are letters only before a flat or building or at a turn's end. */
    private static final Map<String, String> LETTERS = Map.ofEntries(Map.entry("а", "А"), Map.entry("б", "Б"),
            Map.entry("бэ", "Б"), Map.entry("в", "В"), Map.entry("вэ", "В"), Map.entry("г", "Г"), Map.entry("гэ", "Г"),
            Map.entry("д", "Д"), Map.entry("дэ", "Д"), Map.entry("е", "Е"), Map.entry("ж", "Ж"), Map.entry("жэ", "Ж"),
            Map.entry("к", "К"), Map.entry("ка", "К"));
    private static final Set<String> AMBIGUOUS_LETTERS = Set.of("а", "в", "к", "д", "е");
    /** Words that end a street's name going backwards: the address's own cue, fillers, prepositions. */
    private static final Set<String> NOT_A_NAME = Set.of("адрес", "адресу", "адреса", "так", "вот", "ну", "короче", "это",
            "значит", "запишите", "записывайте", "пишите", "диктую", "нет", "да", "ой", "подождите", "стоп", "дом", "квартира",
            "корпус", "частный", "город", "сейчас", "там", "тут", "живу", "живем", "старом", "новом", "ваш", "наш", "мой",
            "записала", "записал", "поняла", "понял", "хорошо", "ага", "угу", "адресок", "подъезд", "этаж", "домофон", "марка",
            "модель", "фирма", "диагональ", "э", "ээ", "эээ", "эм", "мм", "ммм", "алло", "слушайте");
    private static final Set<String> MONTHS = Set.of("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
            "сентября", "октября", "ноября", "декабря");
    private static final Set<String> WEEKDAYS = Set.of("понедельник", "вторник", "среда", "среду", "четверг", "пятница",
            "пятницу", "суббота", "субботу", "воскресенье");
    private static final int MAX_NAME_WORDS = 4;

    private AddressRule() {
    }

    /** One mention: a street and what was said of the house. Null parts were not said. */
    private record Mention(String street, String type, boolean typeAfter, String house, String letter, String fraction,
                           String building, String flat, int start, int end) {
        Mention with(String house, String letter, String fraction, String building, String flat, int end) {
            return new Mention(street, type, typeAfter, house, letter, fraction, building, flat, start, end);
        }

        String written() {
            StringBuilder out = new StringBuilder(typeAfter ? street + " " + type : type + " " + street);
            out.append(", д. ").append(house);
            if (letter != null) {
                out.append(letter);
            }
            if (fraction != null) {
                out.append('/').append(fraction);
            }
            if (building != null) {
                out.append(", корп. ").append(building);
            }
            if (flat != null) {
                out.append(", кв. ").append(flat);
            }
            return out.toString();
        }
    }

    /** @param town which words name a town («в санкт петербурге невский проспект»): a street's name stops there */
    static DraftField find(Tokens t, boolean[] town) {
        Mention visit = null;
        int from = 0;
        for (int i = 0; i < t.size(); i++) {
            Mention m = mentionAt(t, i, town);
            if (m == null) {
                continue;
            }
            // the same street said again (an operator reading it back) keeps what it does not repeat
            if (visit != null && visit.street().equalsIgnoreCase(m.street())) {
                boolean sameHouse = m.house().equals(visit.house());
                m = new Mention(visit.street(), visit.type(), visit.typeAfter(), m.house(),
                        m.letter() != null || !sameHouse ? m.letter() : visit.letter(),
                        m.fraction() != null || !sameHouse ? m.fraction() : visit.fraction(),
                        m.building() != null ? m.building() : visit.building(), m.flat() != null ? m.flat() : visit.flat(),
                        visit.start(), m.end());
            }
            visit = m;
            from = m.end();
            i = m.end() - 1;
        }
        if (visit == null) {
            return null;
        }
        Mention corrected = corrections(t, visit, from);
        return new DraftField(corrected.written(), t.span(visit.start(), Math.max(visit.end(), corrected.end())));
    }

    /** A mention whose house number starts at {@code i}, or null. */
    private static Mention mentionAt(Tokens t, int i, boolean[] town) {
        SpokenNumbers.Read number = SpokenNumbers.cardinal(t.words(), i);
        if (number == null || number.value() == 0 || isNumberWord(t, i - 1)) {
            return null;
        }
        int nameEnd = HOUSE.contains(t.word(i - 1)) ? i - 1 : i;
        boolean saidHouse = nameEnd < i;
        StreetType type = null;
        boolean typeAfter = false;
        if (STREET_TYPES.containsKey(t.lemma(nameEnd - 1)) || STREET_TYPES.containsKey(t.word(nameEnd - 1))) {
            // «ульяновский проспект двадцать», «вторая советская улица дом семь»
            type = streetType(t, nameEnd - 1);
            typeAfter = true;
            nameEnd--;
        }
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart < MAX_NAME_WORDS && t.speaker(nameStart - 1) == t.speaker(i)) {
            int w = nameStart - 1;
            if (STREET_TYPES.containsKey(t.lemma(w)) || STREET_TYPES.containsKey(t.word(w)) || town[w]) {
                break;
            }
            if (isNameWord(t, w)) {
                nameStart--;
            } else if (numberPartOfName(t, w, nameStart)) {
                nameStart = numberStart(t, w);
            } else {
                break;
            }
        }
        if (nameStart == nameEnd) {
            return null;
        }
        boolean typeBefore = !typeAfter && (STREET_TYPES.containsKey(t.lemma(nameStart - 1)) || STREET_TYPES.containsKey(t.word(nameStart - 1)));
        if (typeBefore) {
            type = streetType(t, nameStart - 1);
        }
        int at = i + number.length();
        String letter = null;
        String fraction = null;
        String building = null;
        String flat = null;
        if (letterAt(t, at) != null) {
            letter = letterAt(t, at);
            at += LETTER_CUE.contains(t.word(at)) || t.word(at).equals("с") ? (t.word(at).equals("с") ? 3 : 2) : 1;
        }
        if (FRACTION.contains(t.word(at)) && SpokenNumbers.cardinal(t.words(), at + 1) != null) {
            SpokenNumbers.Read f = SpokenNumbers.cardinal(t.words(), at + 1);
            fraction = String.valueOf(f.value());
            at += 1 + f.length();
        }
        if (BUILDING.contains(t.word(at)) && SpokenNumbers.cardinal(t.words(), at + 1) != null) {
            SpokenNumbers.Read b = SpokenNumbers.cardinal(t.words(), at + 1);
            building = String.valueOf(b.value());
            at += 1 + b.length();
        }
        if (STRUCTURE.contains(t.word(at)) && SpokenNumbers.cardinal(t.words(), at + 1) != null) {
            at += 1 + SpokenNumbers.cardinal(t.words(), at + 1).length();
        }
        boolean flatWord = FLAT.contains(t.word(at));
        // «квартира номер пятьдесят три»
        int cue = flatWord ? 1 + numberWord(t, at + 1) : 0;
        SpokenNumbers.Read f = SpokenNumbers.cardinal(t.words(), at + cue);
        if (f != null && (flatWord || t.speaker(at) == t.speaker(i)) && !isTimeAfter(t, at + cue + f.length())) {
            flat = String.valueOf(f.value());
            at += cue + f.length();
        }
        boolean anchored = type != null || saidHouse || flatWord || building != null || fraction != null || letter != null
                || addressCueBefore(t, nameStart);
        if (!anchored) {
            return null;
        }
        String street = streetName(t, nameStart, nameEnd, type == null ? DEFAULT_TYPE : type);
        int start = typeBefore ? nameStart - 1 : nameStart;
        return new Mention(street, (type == null ? DEFAULT_TYPE : type).written(), typeAfter, String.valueOf(number.value()), letter,
                fraction, building, flat, start, at);
    }

    /** Corrections after the visit's mention: «дом не шесть а шестнадцать», «квартира девяносто один», «корпус три», «с буквой а». */
    private static Mention corrections(Tokens t, Mention m, int from) {
        Mention out = m;
        for (int i = from; i < t.size(); i++) {
            String w = t.word(i);
            if (w.equals("не") && SpokenNumbers.cardinal(t.words(), i + 1) != null) {
                SpokenNumbers.Read wrong = SpokenNumbers.cardinal(t.words(), i + 1);
                int a = i + 1 + wrong.length();
                SpokenNumbers.Read right = t.word(a).equals("а") ? SpokenNumbers.cardinal(t.words(), a + 1) : null;
                if (right != null) {
                    String was = String.valueOf(wrong.value());
                    String now = String.valueOf(right.value());
                    if (was.equals(out.house())) {
                        out = out.with(now, null, null, out.building(), out.flat(), a + 1 + right.length());
                    } else if (was.equals(out.flat())) {
                        out = out.with(out.house(), out.letter(), out.fraction(), out.building(), now, a + 1 + right.length());
                    } else if (was.equals(out.building())) {
                        out = out.with(out.house(), out.letter(), out.fraction(), now, out.flat(), a + 1 + right.length());
                    }
                    i = a + right.length();
                    continue;
                }
            }
            int skip = FLAT.contains(w) || HOUSE.contains(w) || BUILDING.contains(w) ? numberWord(t, i + 1) : 0;
            SpokenNumbers.Read n = SpokenNumbers.cardinal(t.words(), i + 1 + skip);
            if (n == null || isTimeAfter(t, i + 1 + skip + n.length())) {
                if (LETTER_CUE.contains(w) && LETTERS.containsKey(t.word(i + 1))) {
                    out = out.with(out.house(), LETTERS.get(t.word(i + 1)), out.fraction(), out.building(), out.flat(), i + 2);
                }
                continue;
            }
            String value = String.valueOf(n.value());
            int end = i + 1 + skip + n.length();
            if (FLAT.contains(w)) {
                out = out.with(out.house(), out.letter(), out.fraction(), out.building(), value, end);
            } else if (BUILDING.contains(w)) {
                out = out.with(out.house(), out.letter(), out.fraction(), value, out.flat(), end);
            } else if (w.equals("дом") || w.equals("д")) {
                String letter = letterAt(t, end);
                out = out.with(value, letter != null ? letter : value.equals(out.house()) ? out.letter() : null,
                        value.equals(out.house()) ? out.fraction() : null, out.building(), out.flat(), end);
            } else if (value.equals(out.house()) && out.letter() == null && letterAt(t, end) != null) {
                out = out.with(out.house(), letterAt(t, end), out.fraction(), out.building(), out.flat(), end + 1);
            }
        }
        return out;
    }

    /** 1 when the word at {@code at} is «номер» said between a cue and its number («квартира номер сорок»), else 0. */
    private static int numberWord(Tokens t, int at) {
        return t.word(at).equals("номер") ? 1 : 0;
    }

    /** The house letter at {@code at}: «б», «бэ», «с буквой а», «буква в»; an ambiguous one only before a flat, a building or a turn's end. */
    private static String letterAt(Tokens t, int at) {
        String w = t.word(at);
        if (LETTER_CUE.contains(w) && LETTERS.containsKey(t.word(at + 1))) {
            return LETTERS.get(t.word(at + 1));
        }
        if (w.equals("с") && LETTER_CUE.contains(t.word(at + 1)) && LETTERS.containsKey(t.word(at + 2))) {
            return LETTERS.get(t.word(at + 2));
        }
        String letter = LETTERS.get(w);
        if (letter == null) {
            return null;
        }
        String next = t.word(at + 1);
        boolean closes = next.isEmpty() || FLAT.contains(next) || BUILDING.contains(next) || t.speaker(at + 1) != t.speaker(at)
                || next.equals("частный");
        return !AMBIGUOUS_LETTERS.contains(w) || closes ? letter : null;
    }

    /** «адрес» a few filler words before the street, or the street opening the answer to an operator's «адрес?». */
    private static boolean addressCueBefore(Tokens t, int nameStart) {
        for (int k = nameStart - 1; k >= Math.max(0, nameStart - 4); k--) {
            String w = t.word(k);
            if (w.startsWith("адрес")) {
                return true;
            }
            if (t.speaker(k) != t.speaker(nameStart)) {
                // the answer to an operator's «адрес?»
                return answersAddressQuestion(t, k);
            }
            if (!NOT_A_NAME.contains(w)) {
                return false;
            }
        }
        return false;
    }

    private static boolean answersAddressQuestion(Tokens t, int operatorWord) {
        for (int k = operatorWord; k >= 0 && t.speaker(k) == t.speaker(operatorWord); k--) {
            if (t.word(k).startsWith("адрес") || t.word(k).equals("куда")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeAfter(Tokens t, int at) {
        String w = t.word(at);
        return w.equals("часов") || w.equals("часа") || w.equals("утра") || w.equals("вечера") || w.equals("минут");
    }

    private static boolean isNumberWord(Tokens t, int i) {
        return i >= 0 && SpokenNumbers.at(t.words(), i) != null;
    }

    /** A word that may be part of a street's name: not a filler, a verb, a pronoun, a weekday or a time word. */
    private static boolean isNameWord(Tokens t, int i) {
        String w = t.word(i);
        if (w.length() < 2 || NOT_A_NAME.contains(w) || WEEKDAYS.contains(w) || LETTERS.containsKey(w) && w.length() == 1
                || SpokenNumbers.at(t.words(), i) != null) {
            return false;
        }
        List<Morphology.Reading> readings = Morphology.russian().readings(w);
        if (readings.isEmpty()) {
            return true;
        }
        Morphology.Reading first = readings.get(0);
        return (first.is("NN") || first.is("ADJ:Posit") || first.is("ADJ:Short") || first.is("Ord"))
                && readings.stream().noneMatch(r -> r.is("VB") || r.is("PREP") || r.is("CONJ") || r.is("PNN"));
    }

    /** A number inside a street's name: «двадцать второго апреля», «сорок лет победы», «вторая (советская)». */
    private static boolean numberPartOfName(Tokens t, int w, int nameStart) {
        int s = numberStart(t, w);
        SpokenNumbers.Read r = SpokenNumbers.at(t.words(), s);
        if (r == null || r.end(s) != w + 1) {
            return false;
        }
        String next = t.word(nameStart);
        return r.ordinal() || next.equals("лет") || next.equals("летия");
    }

    /** Where the number ending at {@code w} starts. */
    private static int numberStart(Tokens t, int w) {
        int s = w;
        while (s > 0 && SpokenNumbers.at(t.words(), s - 1) != null && SpokenNumbers.at(t.words(), s - 1).end(s - 1) == w + 1) {
            s--;
        }
        return s;
    }

    /** Whether the word at {@code i} is a street type («улица», «проспекте», «ш»). */
    static boolean isStreetType(Tokens t, int i) {
        return STREET_TYPES.containsKey(t.word(i)) || STREET_TYPES.containsKey(t.lemma(i));
    }

    private static StreetType streetType(Tokens t, int i) {
        StreetType byWord = STREET_TYPES.get(t.word(i));
        return byWord != null ? byWord : STREET_TYPES.get(t.lemma(i));
    }

    /** The name as written: numbers as digits («22 Апреля», «2-я Советская», «40 лет Победы»), adjectives agreeing in the nominative. */
    private static String streetName(Tokens t, int from, int to, StreetType type) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            SpokenNumbers.Read n = SpokenNumbers.at(t.words(), i);
            if (n != null) {
                out.add(n.ordinal() && !MONTHS.contains(t.word(n.end(i))) ? n.value() + "-" + ordinalEnding(n.lastWord(), type)
                        : String.valueOf(n.value()));
                i = n.end(i) - 1;
                continue;
            }
            String word = numberedCompound(t.word(i));
            boolean years = t.word(i).equals("лет") && i > from;
            out.add(word != null ? word : years ? "лет" : capitalize(nominative(t.word(i), type)));
        }
        return String.join(" ", out);
    }

    /** «двадцатилетия» 20-летия, «пятидесятилетия» 50-летия. */
    private static String numberedCompound(String word) {
        for (String tail : List.of("летия", "летие")) {
            if (word.endsWith(tail) && word.length() > tail.length()) {
                Integer n = SpokenNumbers.cardinalOf(word.substring(0, word.length() - tail.length()));
                if (n != null) {
                    return n + "-" + tail;
                }
            }
        }
        return null;
    }

    private static String ordinalEnding(String ordinal, StreetType type) {
        // «второй» is both «2-й» and «2-я» (of «второй улицы»): the form agreeing with the street's type wins
        if (Morphology.russian().readings(ordinal).stream().anyMatch(r -> r.is("Ord") && r.has(type.gender()) && r.has("Nom"))) {
            return type.gender().equals("Fem") ? "я" : type.gender().equals("Neut") ? "е" : "й";
        }
        for (Morphology.Reading r : Morphology.russian().readings(ordinal)) {
            if (r.is("Ord")) {
                return r.has("Fem") ? "я" : r.has("Neut") ? "е" : "й";
            }
        }
        return type.gender().equals("Fem") ? "я" : "й";
    }

    /** An adjective in another case («на садовой», «партизанской») back in the nominative agreeing with the street type. */
    private static String nominative(String word, StreetType type) {
        List<Morphology.Reading> readings = Morphology.russian().readings(word);
        boolean agrees = readings.stream().anyMatch(r -> r.has("Nom") && (r.has(type.gender()) || r.is("NN")));
        if (readings.isEmpty() || agrees || readings.stream().noneMatch(r -> r.is("ADJ:Posit"))) {
            return word;
        }
        for (Morphology.Reading r : readings) {
            if (r.is("ADJ:Posit") && (r.has("P") || r.has("D") || r.has("T") || r.has("V") || r.has("R")) && r.has(type.gender())) {
                String nom = Morphology.russian().inflect(r.lemma(), "ADJ:Posit:" + type.gender() + ":Nom");
                return nom != null ? nom : word;
            }
        }
        return word;
    }

    static String capitalize(String words) {
        StringBuilder out = new StringBuilder();
        for (String w : words.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
        }
        return out.toString();
    }
}
