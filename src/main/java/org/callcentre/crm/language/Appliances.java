package org.callcentre.crm.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The appliance lexicon ({@code appliances-ru.txt}, a resource admins extend): each appliance's
 * canonical name and what callers say for it, slang included («стиралка», «холодос», «пмм», «телик»),
 * which the morphological dictionary does not know; and appliance brands, which are not appliances.
 */
public final class Appliances {
    private static final String SHIPPED = "/org/callcentre/crm/language/appliances-ru.txt";
    private static final String BRANDS = "! бренды";

    /** @param names canonical name → the phrases said for it (the name itself first) */
    public record Lexicon(Map<String, List<String>> names, List<String> brands) {
    }

    private static final class Holder {
        static final Lexicon LEXICON = read();
    }

    private Appliances() {
    }

    public static Lexicon russian() {
        return Holder.LEXICON;
    }

    private static Lexicon read() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        List<String> brands = new ArrayList<>();
        try (InputStream in = Appliances.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String l = line.trim();
                if (l.isEmpty() || l.startsWith("#") || !l.contains("=")) {
                    continue;
                }
                String[] parts = l.split("=", 2);
                String name = parts[0].trim();
                List<String> said = new ArrayList<>();
                for (String phrase : parts[1].split(",")) {
                    if (!phrase.isBlank()) {
                        said.add(Morphology.fold(phrase.trim()));
                    }
                }
                if (name.equals(BRANDS)) {
                    brands.addAll(said);
                } else {
                    names.computeIfAbsent(name, n -> new ArrayList<>()).addAll(said);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.replaceAll((n, said) -> List.copyOf(said));
        return new Lexicon(Map.copyOf(names), List.copyOf(brands));
    }
}
