package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.language.Morphology;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transcript split into words, each with its Snowball stem and who said it. Turn labels
 * («оператор:», «клиент:») are read and dropped; a number glued to
 * a letter («9б») is two words, as it is spoken.
 */
record Tokens(List<String> words, List<String> stems, List<Speaker> speakers) {
    private static final Pattern TURN = Pattern.compile("(?iu)(?:^|\\s|[.!?,;])(оператор|клиент|client|operator)\\s*:");
    private static final Pattern WORD = Pattern.compile("\\d+|\\p{L}+");

    static Tokens of(String text) {
        String folded = Morphology.fold(text == null ? "" : text);
        List<String> words = new ArrayList<>();
        List<Speaker> speakers = new ArrayList<>();
        Matcher turn = TURN.matcher(folded);
        int from = 0;
        Speaker current = Speaker.UNKNOWN;
        while (turn.find()) {
            add(folded.substring(from, turn.start()), current, words, speakers);
            current = turn.group(1).startsWith("о") || turn.group(1).startsWith("op") ? Speaker.OPERATOR : Speaker.CLIENT;
            from = turn.end();
        }
        add(folded.substring(from), current, words, speakers);
        return new Tokens(words, words.stream().map(RussianStems::stem).toList(), speakers);
    }

    private static void add(String part, Speaker speaker, List<String> words, List<Speaker> speakers) {
        Matcher m = WORD.matcher(part);
        while (m.find()) {
            words.add(m.group());
            speakers.add(speaker);
        }
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

    Speaker speaker(int i) {
        return i >= 0 && i < speakers.size() ? speakers.get(i) : Speaker.UNKNOWN;
    }

    /** True when the turns are labelled, so who said a word is known. */
    boolean labelled() {
        return speakers.stream().anyMatch(s -> s != Speaker.UNKNOWN);
    }

    /** The dictionary lemma of the word at {@code i} (the word itself when unknown). */
    String lemma(int i) {
        String w = word(i);
        return w.isEmpty() ? w : Morphology.russian().lemma(w);
    }

    boolean isAny(int i, java.util.Set<String> words) {
        return words.contains(word(i));
    }

    /** The words from {@code from} (inclusive) to {@code to} (exclusive), as spoken. */
    String span(int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(to, words.size());
        return a >= b ? "" : String.join(" ", words.subList(a, b));
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
