package org.callcentre.crm.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How client questions and knowledge-base text are cut into terms: Russian stemming and stop words
 * (Lucene's Snowball list), English stemming for Latin words ("iPhone", "Bosch"), ё read as е, and
 * domain synonyms folded onto one stem. Question words such as "когда", "где", "сколько" are kept:
 * in this domain they tell "when will the master come" from "where do you work".
 */
final class ClientTextAnalyzer extends Analyzer {
    private static final Set<String> KEPT_QUESTION_WORDS = Set.of("когда", "где", "куда", "можно", "нельзя", "зачем",
            "почему", "какой", "какая", "сколько", "больше", "хорошо", "нет", "не");
    private static final CharArraySet STOP_WORDS = stopWords();
    private static final NormalizeCharMap YO = yo();

    private final SynonymStems synonyms;

    ClientTextAnalyzer(SynonymStems synonyms) {
        this.synonyms = synonyms;
    }

    /** The terms of a text, in order, duplicates kept. */
    List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return terms;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new SnowballFilter(stream, new RussianStemmer());
        stream = new LatinStemFilter(stream);
        stream = new SynonymStemFilter(stream, synonyms);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(YO, reader);
    }

    /** Runs the Porter stemmer on Latin words only; the Russian stemmer leaves them as they are. */
    private static final class LatinStemFilter extends ConditionalTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        LatinStemFilter(TokenStream input) {
            super(input, PorterStemFilter::new);
        }

        @Override
        protected boolean shouldFilter() {
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (c < 'a' || c > 'z') {
                    return false;
                }
            }
            return term.length() > 0;
        }
    }

    private static CharArraySet stopWords() {
        CharArraySet stop = new CharArraySet(256, true);
        RussianAnalyzer.getDefaultStopSet().forEach(word -> {
            String text = new String((char[]) word);
            if (!KEPT_QUESTION_WORDS.contains(text)) {
                stop.add(text);
            }
        });
        stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return CharArraySet.unmodifiableSet(stop);
    }

    private static NormalizeCharMap yo() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add("ё", "е");
        map.add("Ё", "Е");
        return map.build();
    }
}
