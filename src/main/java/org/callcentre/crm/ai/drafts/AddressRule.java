package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.ai.language.SpokenNumbers;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Addresses as callers say them: «улица ленина дом пять квартира двенадцать», «красный проспект дом
 * сто», «ул. Ленина, д. 5, кв. 12». Written back in the usual short form: «ул. Ленина, д. 5, кв. 12».
 */
final class AddressRule {
    private static final Map<String, String> STREET_TYPES = Map.ofEntries(
            Map.entry("улица", "ул."), Map.entry("ул", "ул."), Map.entry("проспект", "пр-т"), Map.entry("пр", "пр-т"),
            Map.entry("переулок", "пер."), Map.entry("пер", "пер."), Map.entry("шоссе", "ш."), Map.entry("бульвар", "б-р"),
            Map.entry("набережная", "наб."), Map.entry("наб", "наб."), Map.entry("площадь", "пл."), Map.entry("проезд", "пр-д"),
            Map.entry("тупик", "туп."), Map.entry("микрорайон", "мкр."));
    private static final Set<String> HOUSE = Set.of("дом", "д");
    private static final Set<String> BUILDING = Set.of("корпус", "корп", "к", "строение", "стр");
    private static final Set<String> FLAT = Set.of("квартира", "кв", "квартиры");
    private static final int MAX_NAME_WORDS = 3;

    private AddressRule() {
    }

    static DraftField find(Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            String type = STREET_TYPES.get(t.word(i));
            if (type == null) {
                continue;
            }
            int house = nextHouse(t, i + 1);
            if (house < 0) {
                continue;
            }
            String name;
            int start;
            if (house == i + 1) {
                // the name came first: «красный проспект дом сто»
                if (i == 0) {
                    continue;
                }
                name = capitalize(t.word(i - 1));
                start = i - 1;
            } else {
                name = capitalize(t.span(i + 1, house));
                start = i;
            }
            SpokenNumbers.Read houseNumber = SpokenNumbers.cardinal(t.words(), house + 1);
            if (houseNumber == null) {
                continue;
            }
            int at = house + 1 + houseNumber.length();
            StringBuilder address = new StringBuilder(start < i ? name + " " + type : type + " " + name)
                    .append(", д. ").append(houseNumber.value());
            if (BUILDING.contains(t.word(at))) {
                SpokenNumbers.Read building = SpokenNumbers.cardinal(t.words(), at + 1);
                if (building != null) {
                    address.append(", корп. ").append(building.value());
                    at += 1 + building.length();
                }
            }
            if (FLAT.contains(t.word(at))) {
                SpokenNumbers.Read flat = SpokenNumbers.cardinal(t.words(), at + 1);
                if (flat != null) {
                    address.append(", кв. ").append(flat.value());
                    at += 1 + flat.length();
                }
            }
            return new DraftField(address.toString(), t.span(start, at));
        }
        return null;
    }

    /** The «дом» within a few words after the street type. */
    private static int nextHouse(Tokens t, int from) {
        for (int j = from; j <= from + MAX_NAME_WORDS && j < t.size(); j++) {
            if (HOUSE.contains(t.word(j))) {
                return j;
            }
        }
        return -1;
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
