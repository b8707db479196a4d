package org.callcentre.crm.shared;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects every problem of a request body before anything is written, so that one 400 names all
 * the offending fields at once.
 */
public final class Fields {
    public static final int MAX_TEXT = 2000;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public String required(String field, String value) {
        return required(field, value, MAX_TEXT);
    }

    public String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.putIfAbsent(field, "is required");
            return null;
        }
        return optional(field, value, maxLength);
    }

    public String optional(String field, String value) {
        return optional(field, value, MAX_TEXT);
    }

    /** Trimmed text, null when blank. */
    public String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            errors.putIfAbsent(field, "must be at most " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(c -> c == 0)) {
            errors.putIfAbsent(field, "must not contain NUL characters");
        }
        return trimmed;
    }

    /** A value from a fixed list; null stays null unless required. */
    public String oneOf(String field, String value, Collection<String> allowed, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.putIfAbsent(field, "is required");
            }
            return null;
        }
        if (!allowed.contains(value)) {
            errors.putIfAbsent(field, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    public BigDecimal money(String field, BigDecimal value) {
        if (value != null && (value.abs().compareTo(new BigDecimal("9999999999")) > 0 || value.scale() > 2)) {
            errors.putIfAbsent(field, "must be an amount with at most 2 decimals");
        }
        return value;
    }

    public void check(boolean ok, String field, String message) {
        if (!ok) {
            errors.putIfAbsent(field, message);
        }
    }

    /** Runs a check that throws {@link ApiException} for one field and keeps its message. */
    public <T> T attempt(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ApiException e) {
            errors.putIfAbsent(field, e.fields().getOrDefault(field, e.getMessage()));
            return null;
        }
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            String names = String.join(", ", errors.keySet());
            throw ApiException.badRequest("Invalid fields: " + names, errors);
        }
    }
}
