package org.callcentre.crm.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords an attacker tries first. The bundled list (Openwall's public-domain {@code password.lst}
 * plus Russian words and keyboard runs) is mostly shorter than the minimum length, so a password is
 * also refused when it is such a word dressed up: {@code Password2024!}, {@code qwertyqwerty},
 * {@code 123456789012}.
 */
final class CommonPasswords {
    private static final Set<String> WORDS = load();

    private CommonPasswords() {
    }

    static boolean contains(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String core = stripNonLetters(lower);
        return WORDS.contains(lower) || core.isEmpty() || WORDS.contains(core) || isRepeatedWord(core)
                || lower.codePoints().distinct().count() <= 3;
    }

    /** The word without the digits and symbols people put before and after it. */
    private static String stripNonLetters(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetter(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code qwertyqwerty}, {@code passpass}: a word, or any unit, written again and again. */
    private static boolean isRepeatedWord(String core) {
        for (int unit = 1; unit <= core.length() / 2; unit++) {
            if (core.length() % unit == 0 && core.substring(unit).equals(core.substring(0, core.length() - unit))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = CommonPasswords.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#!") && !line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
