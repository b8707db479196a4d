package org.callcentre.crm.telephony.mango;

import io.micronaut.json.tree.JsonNode;

/**
 * Tolerant reads of Mango's JSON: the same field arrives as a number in one account's events and
 * as a string in another's, and absent, empty and zero all mean "not there".
 */
final class MangoJson {
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
        return value.isEmpty() ? null : value;
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
