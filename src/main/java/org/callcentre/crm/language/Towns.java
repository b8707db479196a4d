package org.callcentre.crm.language;

import org.tartarus.snowball.ext.RussianStemmer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Russian towns as callers say them, in any case: «в химках» Химки, «в верхней пышме» Верхняя Пышма,
 * «из копейска» Копейск, «питер» Санкт-Петербург. The shipped list ({@code towns-ru.txt}, ≈ 500 towns
 * and their colloquial names) is joined with the CRM's own cities. A word matches a town's word when
 * their dictionary lemmas or their Snowball stems agree, so a town the dictionary does not know is
 * still found in its inflected forms.
 */
public final class Towns {
    private static final String SHIPPED = "/org/callcentre/crm/language/towns-ru.txt";

    /** A town named in a text: its written name and the words [start, end) that named it. */
    public record Found(String name, int start, int end) {
    }

    private record Said(String name, List<String> words) {
    }

    private final Map<String, String> names = new LinkedHashMap<>();
    private final List<Said> said = new ArrayList<>();

    private Towns() {
    }

    private static final class Holder {
        static final Towns SHIPPED_LIST = read();
    }

    /** The shipped list alone. */
    public static Towns russian() {
        return Holder.SHIPPED_LIST;
    }

    /** The shipped list and these names (the CRM's cities, which may not be in it). */
    public static Towns russianAnd(Collection<String> more) {
        Towns towns = new Towns();
        Holder.SHIPPED_LIST.said.forEach(s -> towns.add(s.name(), s.words()));
        more.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(n -> towns.add(n, words(n)));
        return towns;
    }

    /** The town's name as written («Санкт-Петербург» for «санкт-петербург»), or null when no town is called so. */
    public String canonical(String name) {
        return name == null ? null : names.get(Morphology.fold(name.trim()));
    }

    /** Every town named, left to right; at one place the town of more words wins. */
    public List<Found> findAll(List<String> text) {
        List<Set<String>> keys = text.stream().map(Towns::keys).toList();
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            Found best = null;
            for (Said s : said) {
                int n = s.words().size();
                if (i + n > text.size() || (best != null && n <= best.end() - best.start())) {
                    continue;
                }
                boolean all = true;
                for (int k = 0; k < n && all; k++) {
                    all = keys.get(i + k).contains(s.words().get(k));
                }
                if (all) {
                    best = new Found(s.name(), i, i + n);
                }
            }
            if (best != null) {
                found.add(best);
                i = best.end() - 1;
            }
        }
        return found;
    }

    private void add(String name, List<String> words) {
        names.putIfAbsent(Morphology.fold(name), name);
        if (!words.isEmpty()) {
            said.add(new Said(name, words));
        }
    }

    /** One town word as it is compared: its stem. */
    private static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String w : Morphology.fold(name).split("[\\s-]+")) {
            if (!w.isEmpty()) {
                out.add(stem(w));
            }
        }
        return out;
    }

    /** What a word of the text may be: the stem of the word and of each of its lemmas. */
    private static Set<String> keys(String word) {
        Set<String> keys = new HashSet<>();
        keys.add(stem(Morphology.fold(word)));
        for (String lemma : Morphology.russian().lemmas(word)) {
            keys.add(stem(lemma));
        }
        return keys;
    }

    private static String stem(String word) {
        RussianStemmer stemmer = new RussianStemmer();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static Towns read() {
        Towns towns = new Towns();
        try (InputStream in = Towns.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String l = line.trim();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("=", 2);
                String name = parts[0].trim();
                towns.add(name, words(name));
                if (parts.length > 1) {
                    for (String alias : parts[1].split(",")) {
                        towns.said.add(new Said(name, words(alias.trim())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return towns;
    }
}
