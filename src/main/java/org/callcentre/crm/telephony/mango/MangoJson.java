package org.callcentre.crm.telephony.mango;

import io.micronaut.json.tree.JsonNode;

/**
 * Tolerant reads of Mango's JSON: the same field arrives as a number in one account's events and
 * as a string in another's, and absent, empty and zero all mean "not there". What no real event holds —
 * text PostgreSQL cannot store (a NUL, half a surrogate pair), text longer than any Mango id or number,
 * a time outside this century — is unreadable ({@link IllegalArgumentException}): the event is kept in the
 * inbox and set aside, rather than failing the worker on every try and blocking the inbox behind it.
 */
final class MangoJson {
    /** Mango's ids, numbers and names are far shorter; an index on a longer one would refuse it. */
    static final int MAX_TEXT = 500;
    private static final long YEAR_2000 = 946_684_800L;
    private static final long YEAR_2100 = 4_102_444_800L;

    private MangoJson() {
    }

    static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String key : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(key);
        }
        if (current == null || current.isNull() || current.isContainerNode()) {
            return null;
        }
        String value = current.coerceStringValue().trim();
        if (value.length() > MAX_TEXT || !storable(value)) {
            throw new IllegalArgumentException("'" + String.join(".", path) + "' is not readable text");
        }
        return value.isEmpty() ? null : value;
    }

    /** Epoch seconds, 0 when absent; a time outside 2000–2099 is no time Mango sends. */
    static long time(JsonNode node, String field) {
        long seconds = number(node, field);
        if (seconds != 0 && (seconds < YEAR_2000 || seconds >= YEAR_2100)) {
            throw new IllegalArgumentException("'" + field + "' is not a time: " + seconds);
        }
        return seconds;
    }

    private static boolean storable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static long number(JsonNode node, String... path) {
        String value = text(node, path);
        if (value == null) {
            return 0;
        }
        try {
            return (long) Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + String.join(".", path) + "' is not a number: " + value);
        }
    }

    static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("Mango event without '" + field + "'");
        }
        return value;
    }
}
