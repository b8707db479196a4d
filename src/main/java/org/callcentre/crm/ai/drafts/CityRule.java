package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.language.Morphology;
import org.callcentre.crm.language.Towns;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the visit happens: the call's line city unless a caller or the operator names another town
 * as a place («это во всеволожске», «город зеленодольск улица …», «в химки выезжаем»). A town named as
 * where something came from («из москвы привезли») or as a district («в октябрьском районе») is not the
 * visit's city. When no visit is being arranged (a question about prices), the city is only what was said.
 */
final class CityRule {
    /** Words before a town that make it a place: «в химках», «город бердск», «г. копейск». */
    private static final Set<String> PLACE_CUES = Set.of("в", "во", "город", "г", "городе", "города", "адрес");
    /** Words after a town's name that make it something else: a district, a region. */
    private static final Set<String> NOT_A_TOWN_AFTER = Set.of("район", "районе", "района", "области", "область", "край",
            "крае", "округ", "округе");

    private CityRule() {
    }

    /** The towns named as places, in the order said. */
    static List<Towns.Found> places(Tokens t, Towns towns) {
        List<Towns.Found> places = new ArrayList<>();
        for (Towns.Found f : towns.findAll(t.words())) {
            boolean cued = f.start() == 0 || PLACE_CUES.contains(t.word(f.start() - 1));
            // «ульяновский проспект», «московское шоссе»: a street named after a town
            boolean street = AddressRule.isStreetType(t, f.end()) && Morphology.russian().readings(t.word(f.end() - 1)).stream()
                    .findFirst().map(r -> r.is("ADJ")).orElse(false);
            if (cued && !street && !NOT_A_TOWN_AFTER.contains(t.word(f.end()))) {
                places.add(f);
            }
        }
        return places;
    }

    /**
     * @param lineCity the city of the number called (null when unknown)
     * @param visit    whether the call arranges a visit (an address or a day was agreed)
     */
    static DraftField find(Tokens t, Towns towns, String lineCity, boolean visit) {
        List<Towns.Found> places = places(t, towns);
        Towns.Found named = places.isEmpty() ? null : places.get(places.size() - 1);
        if (named != null && (lineCity == null || !named.name().equals(lineCity))) {
            return new DraftField(named.name(), t.span(Math.max(0, named.start() - 1), named.end()));
        }
        if (lineCity != null && (visit || named != null)) {
            return new DraftField(lineCity, named == null ? "город звонка" : t.span(named.start(), named.end()));
        }
        return null;
    }
}
