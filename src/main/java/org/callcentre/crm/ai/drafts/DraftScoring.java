package org.callcentre.crm.ai.drafts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether one field of a draft is right, by the accuracy rules of {@code ai-eval-rules.md}: values are
 * compared after trim, lowercase, ё→е and collapsed whitespace; an expected null needs null or empty;
 * city by equality; an address by its street words (type words and punctuation dropped, «-» a space),
 * its house with the letter and its flat (ignored when none is expected); equipment by the stem that
 * tells the appliance apart; the visit by its date, and its hour when a time is expected; the name by
 * its first word; the problem when the answer holds the stem of a key word of the expected phrase.
 */
final class DraftScoring {
    static final List<String> FIELDS = List.of("city", "address", "equipmentType", "problem", "visitDate", "clientName");

    /** Street type words, written out and abbreviated; they are not part of a street's name. */
    private static final Set<String> STREET_TYPES = Set.of("ул", "улица", "пр", "т", "пр-т", "проспект", "пер", "переулок",
            "мкр", "микрорайон", "б", "р", "б-р", "бульвар", "ш", "шоссе", "пр-д", "проезд", "д", "наб", "набережная",
            "пл", "площадь", "туп", "тупик");
    /** The stems that tell one appliance from another; a phrase with none of them is compared whole. */
    private static final List<List<String>> APPLIANCE_STEMS = List.of(List.of("стирал"), List.of("посудомо"), List.of("сушил"),
            List.of("холодил"), List.of("морозил"), List.of("духов"), List.of("варочн"), List.of("плит"),
            List.of("микроволн", "свч"), List.of("водонагрев", "бойлер"), List.of("телевиз"), List.of("кондиц", "сплит"),
            List.of("кофе"), List.of("вытяж"));
    /** Words of an expected problem phrase that say nothing about the symptom. */
    private static final Set<String> NOT_KEY = Set.of("не", "нет", "и", "а", "в", "на", "с", "со", "по", "при", "все",
            "очень", "сильно", "совсем", "вообще", "из", "под", "за", "у", "от", "то", "что", "как");

    private DraftScoring() {
    }

    static String normalize(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }

    static boolean right(String field, String expected, String actual) {
        String want = normalize(expected);
        String got = normalize(actual);
        if (want.isEmpty()) {
            return got.isEmpty();
        }
        if (got.isEmpty()) {
            return false;
        }
        return switch (field) {
            case "address" -> Address.parse(want).sameAs(Address.parse(got));
            case "equipmentType" -> sameAppliance(want, got);
            case "visitDate" -> sameVisit(want, got);
            case "clientName" -> want.split(" ")[0].equals(got.split(" ")[0]);
            case "problem" -> sharesKeyStem(want, got);
            default -> want.equals(got);
        };
    }

    /** An address split into what the rules compare. */
    record Address(List<String> street, String house, String flat) {
        static Address parse(String address) {
            List<String> street = new ArrayList<>();
            String house = null;
            String flat = null;
            for (String part : address.split(",")) {
                String p = part.trim();
                if (p.startsWith("д.") || p.startsWith("дом ")) {
                    house = p.replaceFirst("^(д\\.|дом)\\s*", "").replace(" ", "");
                } else if (p.startsWith("кв.") || p.startsWith("квартира ")) {
                    flat = p.replaceFirst("^(кв\\.|квартира)\\s*", "").replace(" ", "");
                } else if (!p.startsWith("корп") && !p.startsWith("стр")) {
                    for (String w : p.replace('-', ' ').replace(".", " ").split("\\s+")) {
                        if (!w.isEmpty() && !STREET_TYPES.contains(w)) {
                            street.add(w);
                        }
                    }
                }
            }
            return new Address(street, house, flat);
        }

        boolean sameAs(Address actual) {
            return street.equals(actual.street) && house != null && house.equals(actual.house)
                    && (flat == null || flat.equals(actual.flat));
        }
    }

    private static boolean sameAppliance(String want, String got) {
        for (List<String> stems : APPLIANCE_STEMS) {
            if (stems.stream().anyMatch(want::contains)) {
                return stems.stream().anyMatch(got::contains);
            }
        }
        return want.equals(got);
    }

    private static boolean sameVisit(String want, String got) {
        if (!got.startsWith(want.substring(0, Math.min(10, want.length())))) {
            return false;
        }
        return want.length() <= 10 || (got.length() >= 13 && want.substring(0, 13).equals(got.substring(0, 13)));
    }

    private static boolean sharesKeyStem(String want, String got) {
        List<String> gotStems = RussianStems.stems(got);
        for (String word : want.split("[^\\p{L}\\d]+")) {
            if (word.length() < 3 || NOT_KEY.contains(word)) {
                continue;
            }
            String stem = RussianStems.stem(word);
            if (got.contains(stem) || gotStems.contains(stem)) {
                return true;
            }
        }
        return false;
    }
}
