package org.callcentre.crm.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * An in-memory index of every question variant (and title) of the knowledge base, and of each
 * entry's answer text. A question's terms ({@link TextTerms}) are compared with each variant's: a
 * term the base never uses is read as the base's closest term by character trigrams
 * ({@link Trigrams}: "холодилник", "скока" spelled anyhow), counted at that similarity. The
 * confidence of a variant weighs what it shares by rarity (BM25 idf over the variants and
 * answers): q = shared/question, d = shared/variant, confidence = q^0.6 · d^0.4; for q, a question
 * term found in another variant or the title of the same entry counts in full (the entry's
 * questions together say what it answers), one found only in the entry's answer counts half. An
 * entry's answer also stands alone, at 0.65 · q^0.6 of the terms it shares: the suburb a zone
 * lists, the brand or the small appliance an answer names. Every candidate is then lowered by the
 * share of the question's weight carried by nouns the base never uses, as (1 − share)^0.5: "снег во
 * дворе" asks about things no entry names, whatever else it shares. The best of these stands for
 * the entry. Immutable: a change of the knowledge base builds a new index, which is small
 * (thousands of variants at most), so a question is a scan of the variants.
 */
public final class KnowledgeIndex {
    private static final double QUESTION_COVER_WEIGHT = 0.6;
    private static final double ANSWER_TERM_SHARE = 0.5;
    private static final double MIN_SIMILARITY = 0.55;
    private static final double MIN_SIMILARITY_OF_A_WORD = 0.65;
    /**
     * A word the base never uses: a noun weighs as much as the base's rarest word (a thing the base
     * does not cover: "снег", "пицца"), any other word a quarter of that (the client's own account of a
     * symptom: "грохочет", "не сливает"), less still when it is one of the language's most common
     * words ({@link TextTerms#specificity}: "пишу", "поздно", "сразу" tell nothing of the topic).
     */
    private static final double UNKNOWN_WORD_SHARE = 0.25;
    /** An answer is weaker evidence than a question variant: a long text shares words with many questions. */
    private static final double ANSWER_ALONE = 0.65;
    /** How hard nouns the base never uses lower every candidate: the exponent of (1 − their share of the question). */
    private static final double UNEXPLAINED_NOUNS = 0.5;
    private static final double MAX_RATING_SHIFT = 0.2;
    /** A need read as the service a base names for it is a guess about the client's words: counted at this similarity. */
    private static final double NEED_SIMILARITY = 0.8;

    private final TextTerms reader;
    private final List<Variant> variants = new ArrayList<>();
    private final Map<Long, IndexedEntry> entries = new LinkedHashMap<>();
    private final Map<Long, Set<String>> answerTerms = new HashMap<>();
    /** The terms of all the variants and the title of each entry. */
    private final Map<Long, Set<String>> entryTerms = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final Map<String, List<Integer>> postings = new HashMap<>();
    private final Map<String, Set<Long>> answerPostings = new HashMap<>();
    private final Set<String> cities = new HashSet<>();
    private final Map<Long, Double> ratingShift;
    private final Trigrams vocabulary;
    private final Map<String, Match> nearest = new ConcurrentHashMap<>();
    private final double unknownNounWeight;

    private record Variant(long entryId, String text, Set<String> terms, double weight) {
    }

    /**
     * A question term as the index reads it: the known terms that stand for it (one, or the
     * services of a need, any of which explains it) and how similar the written one is to them.
     */
    private record Match(List<String> terms, double similarity, boolean need) {
        boolean in(Set<String> text) {
            for (String term : terms) {
                if (text.contains(term)) {
                    return true;
                }
            }
            return false;
        }

        boolean asksOnly() {
            return terms.stream().allMatch(TextTerms::isQuestionWord);
        }
    }

    /** A term of the question: as written (lemmatised), as the index reads it, and how much it speaks to what is asked. */
    private record Asked(String written, Match match, double emphasis) {
        double weight(KnowledgeIndex index) {
            return emphasis * index.weightOf(match) * match.similarity();
        }
    }

    private KnowledgeIndex(List<IndexedEntry> source, Map<Long, Double> ratingShift, Lexicon lexicon, Lexicon needs) {
        this.reader = new TextTerms(lexicon, needs);
        this.ratingShift = Map.copyOf(ratingShift);
        List<Set<String>> texts = new ArrayList<>();
        List<long[]> owners = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        for (IndexedEntry entry : source) {
            entries.put(entry.id(), entry);
            if (entry.city() != null) {
                cities.add(cityKey(entry.city()));
            }
            answerTerms.put(entry.id(), new HashSet<>(reader.terms(entry.answer())));
            Set<String> seen = new LinkedHashSet<>(entry.questions());
            seen.add(entry.title());
            for (String text : seen) {
                Set<String> terms = new LinkedHashSet<>(reader.terms(text));
                if (!terms.isEmpty()) {
                    entryTerms.computeIfAbsent(entry.id(), k -> new HashSet<>()).addAll(terms);
                    texts.add(terms);
                    owners.add(new long[]{entry.id()});
                    raw.add(text);
                }
            }
        }
        Map<String, Integer> docFreq = new HashMap<>();
        texts.forEach(terms -> terms.forEach(t -> docFreq.merge(t, 1, Integer::sum)));
        answerTerms.values().forEach(terms -> terms.forEach(t -> docFreq.merge(t, 1, Integer::sum)));
        int n = texts.size() + answerTerms.size();
        docFreq.forEach((term, df) -> idf.put(term, weight(n, df)));
        this.unknownNounWeight = weight(n, 1);
        for (int i = 0; i < texts.size(); i++) {
            Set<String> terms = texts.get(i);
            variants.add(new Variant(owners.get(i)[0], raw.get(i), terms, terms.stream().mapToDouble(this::weightOf).sum()));
            for (String term : terms) {
                postings.computeIfAbsent(term, t -> new ArrayList<>()).add(i);
            }
        }
        answerTerms.forEach((entryId, terms) -> terms.forEach(
                term -> answerPostings.computeIfAbsent(term, t -> new HashSet<>()).add(entryId)));
        this.vocabulary = new Trigrams(idf.keySet());
    }

    /** The standard index: the built-in lexicon; {@code ratingShift} by entry id, from {@link #ratingShift}. */
    public static KnowledgeIndex of(List<IndexedEntry> entries, Map<Long, Double> ratingShift) {
        return of(entries, ratingShift, null, null);
    }

    /**
     * With an admin's lexicon file ({@code crm.ai.lexicon-file}) and needs file ({@code crm.ai.needs-file})
     * on top of the built-in ones (null: none).
     */
    public static KnowledgeIndex of(List<IndexedEntry> entries, Map<Long, Double> ratingShift, Path lexiconFile, Path needsFile) {
        return new KnowledgeIndex(entries, ratingShift, Lexicon.load(lexiconFile), Lexicon.loadNeeds(needsFile));
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

    /** A text's terms as retrieval reads them (lemmas, the lexicon's meanings, no stop words), in order. */
    public List<String> terms(String text) {
        return reader.terms(text);
    }

    /**
     * Whether the base answers clients of {@code city}: when some entries are for one city only,
     * the cities they name are the ones served; a base without such entries serves every city.
     */
    public boolean serves(String city) {
        return cities.isEmpty() || city == null || cities.contains(cityKey(city));
    }

    /** The cities the base's city-specific entries are for, as written in the entries. */
    public Set<String> cities() {
        Set<String> named = new LinkedHashSet<>();
        entries.values().stream().map(IndexedEntry::city).filter(c -> c != null).forEach(named::add);
        return named;
    }

    /** The titles of the entries for {@code city} alone (not those for every city). */
    public List<String> titlesFor(String city) {
        String key = cityKey(city);
        return entries.values().stream().filter(e -> e.city() != null && cityKey(e.city()).equals(key)).map(IndexedEntry::title).toList();
    }

    /** The terms of an entry's questions and title together (what it is asked about); empty for an unknown id. */
    public Set<String> questionTerms(long entryId) {
        return Set.copyOf(entryTerms.getOrDefault(entryId, Set.of()));
    }

    /** How many entries use {@code term} in their questions or title: a term most entries use tells them apart little. */
    public int entriesUsing(String term) {
        return (int) entryTerms.values().stream().filter(terms -> terms.contains(term)).count();
    }

    /** Entries that may answer {@code question} in {@code city} (null: entries for every city only), best first. */
    public List<Candidate> search(String question, String city, int max) {
        String cityKey = city == null || city.isBlank() ? null : cityKey(city);
        return search(question, entry -> entry.city() == null || cityKey(entry.city()).equals(cityKey), max);
    }

    /**
     * Entries of every city and of none that may answer {@code question}, best first: one scan where
     * a rule compares what each city has (an entry's score does not depend on the city asked for).
     */
    public List<Candidate> searchEveryCity(String question) {
        return search(question, entry -> true, Integer.MAX_VALUE);
    }

    private List<Candidate> search(String question, Predicate<IndexedEntry> inScope, int max) {
        Map<String, Asked> query = new LinkedHashMap<>();
        Map<String, Double> said = reader.emphasis(question);
        said.forEach((term, emphasis) -> {
            Match match = nearest.computeIfAbsent(term, this::nearestKnown);
            if (match != null && match.need() && match.terms().stream().anyMatch(said::containsKey)) {
                // the client names a service of the need outright ("сломался, почините"): the need says nothing more
                return;
            }
            // the words of one need ("не сливает", "гудит", "стоит вода") say one thing: one term
            String key = match != null && match.need() ? String.join("|", match.terms()) : term;
            query.merge(key, new Asked(term, match, emphasis), (a, b) -> a.emphasis() >= b.emphasis() ? a : b);
        });
        if (query.isEmpty() || variants.isEmpty()) {
            return List.of();
        }
        double queryWeight = 0;
        double unknownNouns = 0;
        Set<Integer> hits = new HashSet<>();
        Set<Long> answerHits = new HashSet<>();
        for (Asked asked : query.values()) {
            Match match = asked.match();
            // a thing the base never names lowers every entry when the message asks about it, not when its story mentions it
            boolean unknownNoun = match == null && asked.emphasis() == 1 && reader.isNoun(asked.written());
            unknownNouns += unknownNoun ? unknownNounWeight : 0;
            queryWeight += asked.emphasis() * (match != null ? weightOf(match)
                    : unknownNoun ? unknownNounWeight
                    : UNKNOWN_WORD_SHARE * reader.specificity(asked.written()) * unknownNounWeight);
            if (match != null) {
                for (String term : match.terms()) {
                    hits.addAll(postings.getOrDefault(term, List.of()));
                    answerHits.addAll(answerPostings.getOrDefault(term, Set.of()));
                }
            }
        }
        double unexplained = Math.pow(1 - unknownNouns / queryWeight, UNEXPLAINED_NOUNS);
        Map<Long, Candidate> best = new HashMap<>();
        for (long entryId : answerHits) {
            IndexedEntry entry = entries.get(entryId);
            if (!inScope.test(entry)) {
                continue;
            }
            Set<String> answer = answerTerms.get(entryId);
            double shared = 0;
            boolean namesSomething = false;
            for (Asked asked : query.values()) {
                if (asked.match() != null && asked.match().in(answer)) {
                    shared += asked.weight(this);
                    namesSomething |= !asked.match().asksOnly();
                }
            }
            if (!namesSomething) {
                continue;
            }
            double confidence = unexplained * ANSWER_ALONE * Math.pow(shared / queryWeight, QUESTION_COVER_WEIGHT)
                    * (1 + ratingShift.getOrDefault(entryId, 0.0));
            best.put(entryId, new Candidate(entryId, entry.category(), entry.title(), entry.answer(), entry.city(),
                    Math.min(1, confidence), entry.title()));
        }
        for (int hit : hits) {
            Variant variant = variants.get(hit);
            IndexedEntry entry = entries.get(variant.entryId());
            if (!inScope.test(entry)) {
                continue;
            }
            Set<String> answer = answerTerms.get(entry.id());
            Set<String> others = entryTerms.get(entry.id());
            double shared = 0;
            double sharedWithEntry = 0;
            double sharedWithAnswer = 0;
            boolean namesSomething = false;
            for (Asked asked : query.values()) {
                Match match = asked.match();
                if (match == null) {
                    continue;
                }
                double w = asked.weight(this);
                if (match.in(variant.terms())) {
                    shared += w;
                    namesSomething |= !match.asksOnly();
                } else if (match.in(others)) {
                    sharedWithEntry += w;
                } else if (match.in(answer)) {
                    sharedWithAnswer += ANSWER_TERM_SHARE * w;
                }
            }
            if (!namesSomething) {
                continue;
            }
            double q = Math.min(1, (shared + sharedWithEntry + sharedWithAnswer) / queryWeight);
            double d = Math.min(1, shared / variant.weight());
            double raw = Math.pow(q, QUESTION_COVER_WEIGHT) * Math.pow(d, 1 - QUESTION_COVER_WEIGHT);
            double confidence = Math.min(1, unexplained * raw * (1 + ratingShift.getOrDefault(entry.id(), 0.0)));
            Candidate current = best.get(entry.id());
            if (current == null || confidence > current.confidence()) {
                best.put(entry.id(), new Candidate(entry.id(), entry.category(), entry.title(), entry.answer(), entry.city(),
                        confidence, variant.text()));
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Candidate::confidence).reversed().thenComparingLong(Candidate::entryId))
                .limit(max)
                .toList();
    }

    /**
     * The term itself when the base uses it; else, for a word of a need ({@link TextTerms#needOf}:
     * "протекает", "кусают"), the services of that need the base names; else the base's most
     * similar term by trigrams; else null (an unknown word).
     */
    private Match nearestKnown(String term) {
        if (idf.containsKey(term)) {
            return new Match(List.of(term), 1, false);
        }
        List<String> served = reader.needOf(term).stream().filter(idf::containsKey).distinct().sorted().toList();
        if (!served.isEmpty()) {
            return new Match(served, NEED_SIMILARITY, true);
        }
        // a word the dictionary knows is spelled right: only a near relative ("почистить", "чистить") is the same word
        Trigrams.Similar similar = vocabulary.mostSimilar(term, reader.isWord(term) ? MIN_SIMILARITY_OF_A_WORD : MIN_SIMILARITY);
        return similar == null ? null : new Match(List.of(similar.term()), similar.similarity(), false);
    }

    /**
     * A need's weight is its commonest service's: any of its services explains it, and a word as
     * general as "ремонт" must not outweigh the thing named beside it.
     */
    private double weightOf(Match match) {
        return match.terms().stream().mapToDouble(this::weightOf).min().orElse(unknownNounWeight);
    }

    /** Lucene's BM25 inverse document frequency over the variant documents. */
    private static double weight(int documents, int docFreq) {
        return Math.log(1 + (documents - docFreq + 0.5) / (docFreq + 0.5));
    }

    private double weightOf(String term) {
        return idf.getOrDefault(term, unknownNounWeight);
    }

    private static String cityKey(String city) {
        return city.trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
