package org.callcentre.crm.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Groups of words that mean the same to a client of a repair service ("цена, стоимость, почём"),
 * one group per line of {@code knowledge/synonyms-ru.txt}; every word maps to the stem of the
 * group's first word. Single words only: phrases are left to the question variants of the entries.
 */
final class SynonymStems {
    static final String RESOURCE = "/knowledge/synonyms-ru.txt";
    private final Map<String, String> canonical;

    private SynonymStems(Map<String, String> canonical) {
        this.canonical = Map.copyOf(canonical);
    }

    static SynonymStems none() {
        return new SynonymStems(Map.of());
    }

    static SynonymStems builtIn() {
        try (InputStream in = SynonymStems.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SynonymStems parse(BufferedReader lines) throws IOException {
        Map<String, String> map = new HashMap<>();
        try (Analyzer stemmer = new StemOnly()) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.split(",");
                String head = stem(stemmer, words[0]);
                for (int i = 1; i < words.length; i++) {
                    String stem = stem(stemmer, words[i]);
                    if (stem != null && head != null && !stem.equals(head)) {
                        map.putIfAbsent(stem, head);
                    }
                }
            }
        }
        return new SynonymStems(map);
    }

    /** The group's stem for {@code stem}, or null when it is in no group (or heads one). */
    String canonical(String stem) {
        return canonical.get(stem);
    }

    private static String stem(Analyzer stemmer, String word) throws IOException {
        try (TokenStream stream = stemmer.tokenStream("w", word.trim().replace('ё', 'е'))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String first = stream.incrementToken() ? term.toString() : null;
            stream.end();
            return first;
        }
    }

    /** The same stemming the main analyzer does, without stop words or synonyms. */
    private static final class StemOnly extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new SnowballFilter(new LowerCaseFilter(source), new RussianStemmer());
            return new TokenStreamComponents(source, stream);
        }
    }
}
