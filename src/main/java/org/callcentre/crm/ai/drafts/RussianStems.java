package org.callcentre.crm.ai.drafts;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lucene's Russian (Snowball) stemmer, so that «казани», «казань» and «казанью» compare equal. Stop words are kept. */
final class RussianStems {
    private static final RussianAnalyzer ANALYZER = new RussianAnalyzer(CharArraySet.EMPTY_SET);

    private RussianStems() {
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    static String stem(String word) {
        List<String> stems = stems(word);
        return stems.isEmpty() ? normalize(word) : stems.get(0);
    }

    static List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream tokens = ANALYZER.tokenStream("t", normalize(text))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                out.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
