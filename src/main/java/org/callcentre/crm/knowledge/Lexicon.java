package org.callcentre.crm.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The colloquial words of the trade ({@code knowledge/lexicon-ru.txt}, extended by an admin's file
 * of the same format): "canonical words = word, word, …", each word on the right read as the words
 * on the left. Keys are compared in the forms {@link TextTerms} gives them: as written, as lemma
 * and as stem, so one line catches "стиралка", "стиралку" and "стиралки".
 */
final class Lexicon {
    static final String RESOURCE = "/knowledge/lexicon-ru.txt";
    static final String NEEDS = "/knowledge/needs-ru.txt";
    /** A shorter stem ("нал" of "нал") would catch unrelated words ("налить"). */
    private static final int MIN_STEM_KEY = 5;

    private final Map<String, List<String>> meanings;

    private Lexicon(Map<String, List<String>> meanings) {
        this.meanings = Map.copyOf(meanings);
    }

    static Lexicon none() {
        return new Lexicon(Map.of());
    }

    /** The built-in lexicon, and the lines of {@code extraFile} (null: none) on top of it. */
    static Lexicon load(Path extraFile) {
        return load(RESOURCE, extraFile);
    }

    /**
     * The built-in needs ({@value #NEEDS}: "services = words of a need", what clients say of a fault,
     * a pest, a stain… and the services a base may name for it), and an admin's file on top.
     */
    static Lexicon loadNeeds(Path extraFile) {
        return load(NEEDS, extraFile);
    }

    private static Lexicon load(String resource, Path extraFile) {
        Map<String, List<String>> meanings = new HashMap<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            read(new InputStreamReader(in, StandardCharsets.UTF_8), meanings, resource.equals(NEEDS));
            if (extraFile != null) {
                try (Reader extra = Files.newBufferedReader(extraFile, StandardCharsets.UTF_8)) {
                    read(extra, meanings, resource.equals(NEEDS));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lexicon(meanings);
    }

    static Lexicon parse(Reader text) throws IOException {
        Map<String, List<String>> meanings = new HashMap<>();
        read(text, meanings, false);
        return new Lexicon(meanings);
    }

    private static void read(Reader text, Map<String, List<String>> meanings, boolean union) throws IOException {
        BufferedReader lines = new BufferedReader(text);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("lexicon line " + number + ": expected 'words = word, word'");
            }
            List<String> canonical = Arrays.stream(TextTerms.fold(line.substring(0, eq)).split("\\s+"))
                    .filter(w -> !w.isEmpty()).toList();
            for (String word : line.substring(eq + 1).split(",")) {
                String key = TextTerms.fold(word.strip());
                if (!key.isEmpty()) {
                    meanings.merge(key, canonical, union ? Lexicon::either : (earlier, later) -> later);
                    String stem = TextTerms.stem(key);
                    if (stem.length() >= MIN_STEM_KEY) {
                        meanings.merge(stem, canonical, union ? Lexicon::either : (earlier, later) -> earlier);
                    }
                }
            }
        }
    }

    /**
     * A word on two lines means the words of both (a later line does not hide an earlier one): in the
     * needs, "стучит" is a fault of an appliance and of a car's suspension.
     */
    private static List<String> either(List<String> earlier, List<String> later) {
        List<String> both = new java.util.ArrayList<>(earlier);
        later.stream().filter(w -> !both.contains(w)).forEach(both::add);
        return List.copyOf(both);
    }

    /** The canonical words of {@code key} (a folded form, lemma or stem), or null. */
    List<String> meaning(String key) {
        return meanings.get(key);
    }

    boolean contains(String key) {
        return meanings.containsKey(key);
    }

    java.util.Set<String> keys() {
        return meanings.keySet();
    }
}
