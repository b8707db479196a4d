package org.callcentre.crm.knowledge;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory Lucene index of every question variant (and title) of the knowledge base, one
 * document per variant. Lucene finds the variants that share terms with a question; the confidence
 * of each is then worked out from the two term sets (see {@link Candidate}). Immutable: a change
 * of the knowledge base builds a new index, which is small (thousands of variants at most).
 */
public final class KnowledgeIndex {
    private static final String TEXT = "text";
    private static final String CITY = "city";
    private static final String VARIANT = "variant";
    private static final String ALL_CITIES = "*";
    private static final int CANDIDATE_DOCS = 100;
    private static final double QUESTION_COVER_WEIGHT = 0.6;
    private static final double MAX_RATING_SHIFT = 0.2;

    private final ClientTextAnalyzer analyzer;
    private final List<Variant> variants = new ArrayList<>();
    private final Map<Long, IndexedEntry> entries = new LinkedHashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final Map<Long, Double> ratingShift;
    private final double unknownTermWeight;
    private final IndexSearcher searcher;

    private record Variant(long entryId, String text, Set<String> terms) {
    }

    private KnowledgeIndex(List<IndexedEntry> source, Map<Long, Double> ratingShift, SynonymStems synonyms) {
        this.analyzer = new ClientTextAnalyzer(synonyms);
        this.ratingShift = Map.copyOf(ratingShift);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (IndexedEntry entry : source) {
                entries.put(entry.id(), entry);
                Set<String> texts = new LinkedHashSet<>(entry.questions());
                texts.add(entry.title());
                for (String text : texts) {
                    Set<String> terms = new LinkedHashSet<>(analyzer.terms(text));
                    if (terms.isEmpty()) {
                        continue;
                    }
                    Document doc = new Document();
                    doc.add(new TextField(TEXT, text, Field.Store.NO));
                    doc.add(new StringField(CITY, entry.city() == null ? ALL_CITIES : entry.city(), Field.Store.NO));
                    doc.add(new StoredField(VARIANT, variants.size()));
                    writer.addDocument(doc);
                    variants.add(new Variant(entry.id(), text, terms));
                }
            }
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
            readTermStatistics(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
        this.unknownTermWeight = weight(0);
    }

    /** The standard index: the built-in synonyms; {@code ratingShift} by entry id, from {@link #ratingShift}. */
    public static KnowledgeIndex of(List<IndexedEntry> entries, Map<Long, Double> ratingShift) {
        return new KnowledgeIndex(entries, ratingShift, SynonymStems.builtIn());
    }

    public static KnowledgeIndex of(List<IndexedEntry> entries) {
        return of(entries, Map.of());
    }

    /**
     * How far ratings move an entry's confidence, from -{@value #MAX_RATING_SHIFT} to
     * +{@value #MAX_RATING_SHIFT} of it: the mean distance of its ratings from the middle (3),
     * shrunk towards 0 as if three middle ratings had been given too, so one rating moves little.
     */
    public static double ratingShift(long ratings, long sumOfRatings) {
        if (ratings <= 0) {
            return 0;
        }
        double meanOffset = (sumOfRatings - 3.0 * ratings) / (ratings + 3.0) / 2.0;
        return MAX_RATING_SHIFT * Math.max(-1, Math.min(1, meanOffset));
    }

    public int size() {
        return entries.size();
    }

    /** Entries that may answer {@code question} in {@code city} (null: entries for every city only), best first. */
    public List<Candidate> search(String question, String city, int max) {
        List<String> queryTerms = correctedTerms(question);
        if (queryTerms.isEmpty() || variants.isEmpty()) {
            return List.of();
        }
        Map<Long, Candidate> best = new HashMap<>();
        double queryWeight = queryTerms.stream().mapToDouble(this::weightOf).sum();
        for (ScoreDoc hit : hits(queryTerms, city)) {
            Variant variant = variantOf(hit.doc);
            double shared = 0;
            for (String term : queryTerms) {
                if (variant.terms().contains(term)) {
                    shared += weightOf(term);
                }
            }
            double variantWeight = variant.terms().stream().mapToDouble(this::weightOf).sum();
            double raw = Math.pow(shared / queryWeight, QUESTION_COVER_WEIGHT)
                    * Math.pow(shared / variantWeight, 1 - QUESTION_COVER_WEIGHT);
            double confidence = Math.min(1, raw * (1 + ratingShift.getOrDefault(variant.entryId(), 0.0)));
            Candidate current = best.get(variant.entryId());
            if (current == null || confidence > current.confidence()) {
                IndexedEntry entry = entries.get(variant.entryId());
                best.put(entry.id(), new Candidate(entry.id(), entry.category(), entry.title(), entry.answer(), entry.city(),
                        confidence, variant.text()));
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Candidate::confidence).reversed().thenComparingLong(Candidate::entryId))
                .limit(max)
                .toList();
    }

    private List<String> correctedTerms(String question) {
        Set<String> terms = new LinkedHashSet<>();
        for (String term : analyzer.terms(question == null ? "" : question)) {
            terms.add(vocabulary.contains(term) ? term : TypoCorrection.correct(term, vocabulary));
        }
        return new ArrayList<>(terms);
    }

    private ScoreDoc[] hits(List<String> terms, String city) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            query.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
        }
        List<BytesRef> cities = new ArrayList<>(List.of(new BytesRef(ALL_CITIES)));
        if (city != null && !city.isBlank()) {
            cities.add(new BytesRef(city.trim()));
        }
        query.add(new TermInSetQuery(CITY, cities), BooleanClause.Occur.FILTER);
        query.setMinimumNumberShouldMatch(1);
        try {
            return searcher.search(query.build(), CANDIDATE_DOCS).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Variant variantOf(int doc) {
        try {
            return variants.get(searcher.storedFields().document(doc).getField(VARIANT).numericValue().intValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readTermStatistics(DirectoryReader reader) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, TEXT);
        if (terms == null) {
            return;
        }
        TermsEnum iterator = terms.iterator();
        BytesRef term;
        while ((term = iterator.next()) != null) {
            String text = term.utf8ToString();
            vocabulary.add(text);
            idf.put(text, weight(iterator.docFreq()));
        }
    }

    /** Lucene's BM25 inverse document frequency over the variant documents. */
    private double weight(int docFreq) {
        int n = variants.size();
        return Math.log(1 + (n - docFreq + 0.5) / (docFreq + 0.5));
    }

    private double weightOf(String term) {
        return idf.getOrDefault(term, unknownTermWeight);
    }
}
