package org.callcentre.crm.ai.drafts;

import java.util.ArrayList;
import java.util.List;

/** A transcript split into words, each with its stem, so rules can match either. */
record Tokens(List<String> words, List<String> stems) {

    static Tokens of(String text) {
        List<String> words = new ArrayList<>();
        for (String w : RussianStems.normalize(text).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return new Tokens(words, words.stream().map(RussianStems::stem).toList());
    }

    int size() {
        return words.size();
    }

    String word(int i) {
        return i >= 0 && i < words.size() ? words.get(i) : "";
    }

    String stem(int i) {
        return i >= 0 && i < stems.size() ? stems.get(i) : "";
    }

    /** The words from {@code from} (inclusive) to {@code to} (exclusive), as spoken. */
    String span(int from, int to) {
        return String.join(" ", words.subList(Math.max(0, from), Math.min(to, words.size())));
    }

    /** Where a phrase's stems occur in a row, or -1. */
    int find(List<String> phraseStems, int from) {
        for (int i = Math.max(0, from); i + phraseStems.size() <= stems.size(); i++) {
            if (stems.subList(i, i + phraseStems.size()).equals(phraseStems)) {
                return i;
            }
        }
        return -1;
    }
}
