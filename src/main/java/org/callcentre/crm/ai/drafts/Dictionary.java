package org.callcentre.crm.ai.drafts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Canonical names and the phrases that mean them, compared stem by stem, so that «стиральной машины»
 * matches «стиральная машина». The earliest mention in the text wins.
 */
final class Dictionary {
    private record Phrase(String canonical, List<String> stems) {
    }

    private final List<Phrase> phrases = new ArrayList<>();

    Dictionary(Map<String, List<String>> synonyms) {
        synonyms.forEach((canonical, said) -> said.forEach(p -> phrases.add(new Phrase(canonical, RussianStems.stems(p)))));
        // longer phrases first, so «газовый котёл» beats «котёл» at the same place
        phrases.sort((a, b) -> b.stems().size() - a.stems().size());
    }

    /** The canonical name of the first mention, with its words and where it ends. */
    record Match(String canonical, int start, int end, String evidence) {
    }

    Match first(Tokens t) {
        Match best = null;
        for (Phrase p : phrases) {
            int at = t.find(p.stems(), 0);
            if (at >= 0 && (best == null || at < best.start())) {
                best = new Match(p.canonical(), at, at + p.stems().size(), t.span(at, at + p.stems().size()));
            }
        }
        return best;
    }

    /** True when one of the phrases starts at word {@code i}. */
    boolean startsAt(Tokens t, int i) {
        for (Phrase p : phrases) {
            int n = p.stems().size();
            if (i + n <= t.size() && t.stems().subList(i, i + n).equals(p.stems())) {
                return true;
            }
        }
        return false;
    }
}
