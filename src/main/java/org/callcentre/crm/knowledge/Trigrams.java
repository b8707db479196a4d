package org.callcentre.crm.knowledge;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Character-trigram similarity (Dice over the trigrams of the word padded with a space each side)
 * against a fixed vocabulary: "холодилник" is 0.73 like "холодильник", "скидочк" like "скидк". Words
 * under four letters are compared only for equality: their trigrams are too few to tell.
 */
final class Trigrams {
    private static final int MIN_LENGTH = 4;

    record Similar(String term, double similarity) {
    }

    private final Map<String, Set<String>> byTrigram = new HashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();

    Trigrams(Collection<String> vocabulary) {
        for (String term : vocabulary) {
            if (term.length() < MIN_LENGTH) {
                continue;
            }
            Set<String> grams = grams(term);
            sizes.put(term, grams.size());
            for (String g : grams) {
                byTrigram.computeIfAbsent(g, k -> new HashSet<>()).add(term);
            }
        }
    }

    /** The most similar vocabulary term at {@code minimum} or more (ties: the shorter, then alphabetical), or null. */
    Similar mostSimilar(String word, double minimum) {
        if (word.length() < MIN_LENGTH) {
            return null;
        }
        Set<String> grams = grams(word);
        Map<String, Integer> common = new HashMap<>();
        for (String g : grams) {
            for (String term : byTrigram.getOrDefault(g, Set.of())) {
                common.merge(term, 1, Integer::sum);
            }
        }
        Similar best = null;
        for (Map.Entry<String, Integer> c : common.entrySet()) {
            double dice = 2.0 * c.getValue() / (grams.size() + sizes.get(c.getKey()));
            if (dice >= minimum && (best == null || dice > best.similarity()
                    || dice == best.similarity() && c.getKey().compareTo(best.term()) < 0)) {
                best = new Similar(c.getKey(), dice);
            }
        }
        return best;
    }


    static Set<String> grams(String word) {
        String padded = " " + word + " ";
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }

}
