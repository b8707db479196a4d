package org.callcentre.crm.websecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile values and bodies, drawn from a seeded {@link Random} so that a failure names the seed that
 * brings it back: malformed JSON, wrong JSON types, huge strings, unicode oddities, SQL and HTML
 * injection, random form bodies.
 */
final class HostileValues {
    /** Marks reflected HTML: a response that gives it back must not be one a browser renders. */
    static final String HTML = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    private static final List<String> STRINGS = List.of(
            "", " ", "null", "true", "0", "-1", "1e309", "NaN", "9223372036854775808", "-9223372036854775809", "0x1F", "1,5",
            "' OR '1'='1", "'; DROP TABLE orders; --", "1; SELECT pg_sleep(0)", "\\", "\"", "%", "_", "%00", "\u0000", "a\u0000b",
            HTML, "\"><svg onload=alert(1)>", "javascript:alert(1)", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "../../etc/passwd",
            "\ud83d\ude00\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "\u202eевил\u202c", "\ufeffBOM", "e\u0301\u0301\u0301",
            "Ω≈ç√∫", "ｆｕｌｌｗｉｄｔｈ", "\t\r\n", "Казань", "+79161234567", "2025-13-45", "2025-01-01T25:61:00Z",
            "1970-01-01", "-999999-01-01", "csv", "xlsx", "pdf", "semicolon", "admin", "operator", "supervisor", "active",
            "new", "completed", "mango", "ami", "inbound", "answered", "missed");

    private final Random random;
    private final List<String> fieldNames;

    HostileValues(Random random, List<String> fieldNames) {
        this.random = random;
        this.fieldNames = fieldNames;
    }

    String string() {
        return switch (random.nextInt(10)) {
            case 0 -> "x".repeat(1 + random.nextInt(300_000));
            case 1 -> randomUnicode(1 + random.nextInt(40));
            default -> STRINGS.get(random.nextInt(STRINGS.size()));
        };
    }

    /** A JSON value of any type, as text. */
    String jsonValue(int depth) {
        return switch (random.nextInt(depth > 2 ? 7 : 9)) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> List.of("0", "-1", "1.5", "1e400", "-0", "9223372036854775808", "123456789012345678901234567890", "1E-400")
                    .get(random.nextInt(8));
            case 3 -> String.valueOf(random.nextInt(10));
            case 4, 5, 6 -> quote(string());
            case 7 -> "[" + String.join(",", repeat(random.nextInt(4), () -> jsonValue(depth + 1))) + "]";
            default -> jsonObject(depth + 1);
        };
    }

    String jsonObject(int depth) {
        List<String> members = repeat(random.nextInt(6), () -> quote(fieldName()) + ":" + jsonValue(depth));
        return "{" + String.join(",", members) + "}";
    }

    /** A body that is not JSON at all, or JSON broken in a way a parser must refuse. */
    String malformedJson() {
        String valid = jsonObject(0);
        return switch (random.nextInt(9)) {
            case 0 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
            case 1 -> valid + ",";
            case 2 -> "{\"" + fieldName() + "\":}";
            case 3 -> "[".repeat(5000) + "]".repeat(5000);
            case 4 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
            case 5 -> "\"\\ud800\"";
            case 6 -> "{\"" + fieldName() + "\":\"\\u0000\\uDFFF\"}";
            case 7 -> randomUnicode(50);
            default -> "{'" + fieldName() + "': 'single quotes'}";
        };
    }

    String form() {
        List<String> pairs = repeat(random.nextInt(6), () -> encode(fieldName()) + "=" + encode(string()));
        if (random.nextInt(5) == 0) {
            pairs.add("%zz=%");
        }
        return String.join("&", pairs);
    }

    String fieldName() {
        if (!fieldNames.isEmpty() && random.nextInt(4) != 0) {
            return fieldNames.get(random.nextInt(fieldNames.size()));
        }
        return string().length() > 200 ? "long" : string();
    }

    /** A path segment: an id that may exist, a number out of range, or text. */
    String pathValue(List<Long> existingIds) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> existingIds.isEmpty() ? "1" : String.valueOf(existingIds.get(random.nextInt(existingIds.size())));
            case 2 -> List.of("0", "-1", "9223372036854775807", "9223372036854775808", "99999999999999999999", "1.5", "1e3")
                    .get(random.nextInt(7));
            default -> encode(string().length() > 2000 ? "y".repeat(2000) : string());
        };
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private String randomUnicode(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = random.nextInt(4) == 0 ? random.nextInt(0x20) : random.nextInt(0x10FFFF);
            if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    private static List<String> repeat(int n, java.util.function.Supplier<String> s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.get());
        }
        return out;
    }
}
