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
        Map<String, List<String>> meanings = new HashMap<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            read(new InputStreamReader(in, StandardCharsets.UTF_8), meanings);
            if (extraFile != null) {
                try (Reader extra = Files.newBufferedReader(extraFile, StandardCharsets.UTF_8)) {
                    read(extra, meanings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lexicon(meanings);
    }

    static Lexicon parse(Reader text) throws IOException {
        Map<String, List<String>> meanings = new HashMap<>();
        read(text, meanings);
        return new Lexicon(meanings);
    }

    private static void read(Reader text, Map<String, List<String>> meanings) throws IOException {
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
                    meanings.put(key, canonical);
                    String stem = TextTerms.stem(key);
                    if (stem.length() >= MIN_STEM_KEY) {
                        meanings.putIfAbsent(stem, canonical);
                    }
                }
            }
        }
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
