package org.callcentre.crm.language;

import morfologik.speller.Speller;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Russian word forms from LanguageTool's morfologik dictionary (the AOT data, LGPL-2.1, shipped
 * unmodified in {@code org.languagetool:language-ru}; see NOTICE): every reading of a form (lemma
 * and tags such as {@code NN:Name:Fem:Sin:V}, {@code NN:Patr}, {@code NumC}, {@code Ord}), the form
 * of a lemma for given tags, and a spelling suggestion. Loaded once (≈ 6 MB of heap); lookups are
 * cached, and each thread has its own lookup object because morfologik's are not thread-safe.
 * Every word is read lowercase with ё folded to е, as the rest of the AI reads text.
 */
public final class Morphology {
    private static final String BASE = "/org/languagetool/resource/ru/";
    private static final int CACHE_LIMIT = 200_000;

    /** One reading of a word form: its lemma and tags ({@code ADJ:Posit:Fem:R}, {@code NN:Name:Masc:Sin:Nom} …). */
    public record Reading(String lemma, String tags) {
        public boolean is(String tag) {
            return tags.equals(tag) || tags.startsWith(tag + ":");
        }

        public boolean has(String part) {
            return (":" + tags + ":").contains(":" + part + ":");
        }
    }

    private final Dictionary analysis;
    private final Dictionary synthesis;
    private final Dictionary spelling;
    private final ThreadLocal<DictionaryLookup> analyser;
    private final ThreadLocal<DictionaryLookup> synthesiser;
    private final ThreadLocal<Speller> speller;
    private final Map<String, List<Reading>> cache = new ConcurrentHashMap<>();
    private final Map<String, Integer> frequencies = new ConcurrentHashMap<>();

    private Morphology() {
        this.analysis = read("russian.dict");
        this.synthesis = read("russian_synth.dict");
        this.spelling = read("hunspell/ru_RU.dict");
        this.analyser = ThreadLocal.withInitial(() -> new DictionaryLookup(analysis));
        this.synthesiser = ThreadLocal.withInitial(() -> new DictionaryLookup(synthesis));
        this.speller = ThreadLocal.withInitial(() -> new Speller(spelling, 1));
    }

    private static final class Holder {
        static final Morphology INSTANCE = new Morphology();
    }

    /** The one dictionary of the process, loaded on first use. */
    public static Morphology russian() {
        return Holder.INSTANCE;
    }

    public static String fold(String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** Every reading of {@code word}; empty when the dictionary does not know it. */
    public List<Reading> readings(String word) {
        String w = fold(word);
        List<Reading> known = cache.get(w);
        if (known != null) {
            return known;
        }
        List<Reading> readings = new ArrayList<>();
        for (WordData data : analyser.get().lookup(w)) {
            readings.add(new Reading(fold(data.getStem().toString()), data.getTag() == null ? "" : data.getTag().toString()));
        }
        List<Reading> result = List.copyOf(readings);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(w, result);
        }
        return result;
    }

    /** The lemma of the first reading (dictionary order puts the common one first), or the word itself. */
    public String lemma(String word) {
        List<Reading> readings = readings(word);
        return readings.isEmpty() ? fold(word) : readings.get(0).lemma();
    }

    /** The lemmas of every reading, the word itself when there is none. */
    public List<String> lemmas(String word) {
        List<Reading> readings = readings(word);
        if (readings.isEmpty()) {
            return List.of(fold(word));
        }
        return readings.stream().map(Reading::lemma).distinct().toList();
    }

    /** True when some reading of {@code word} has the tag prefix {@code tag} ({@code "NN:Name"}, {@code "Ord"}). */
    public boolean hasReading(String word, String tag) {
        return readings(word).stream().anyMatch(r -> r.is(tag));
    }

    /** The lemma of the first reading carrying {@code tag}, or null. */
    public String lemmaAs(String word, String tag) {
        return readings(word).stream().filter(r -> r.is(tag)).map(Reading::lemma).findFirst().orElse(null);
    }

    /** The form of {@code lemma} with exactly these tags ({@code "ADJ:Posit:Fem:Nom"}), or null. */
    public String inflect(String lemma, String tags) {
        List<WordData> forms = synthesiser.get().lookup(fold(lemma) + "|" + tags);
        return forms.isEmpty() ? null : fold(forms.get(0).getStem().toString());
    }

    /**
     * How common {@code word} is in Russian at large: the frequency class the speller's data
     * carries (from the AOT frequency list; 0 for a rare or unknown form, about 20 for "время",
     * "хотеть").
     */
    public int frequency(String word) {
        return frequencies.computeIfAbsent(fold(word), w -> speller.get().getFrequency(w));
    }

    /** The closest correctly spelled word (one edit), or null when the word is spelled right or nothing is close. */
    public String spellingFix(String word) {
        String w = fold(word);
        Speller s = speller.get();
        if (w.length() < 5 || !s.isMisspelled(w)) {
            return null;
        }
        List<String> replacements = s.findReplacements(w);
        return replacements.isEmpty() ? null : fold(replacements.get(0));
    }

    private static Dictionary read(String file) {
        URL url = Morphology.class.getResource(BASE + file);
        if (url == null) {
            throw new IllegalStateException(BASE + file + " is missing: org.languagetool:language-ru must be on the classpath");
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
