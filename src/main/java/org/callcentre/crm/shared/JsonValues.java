package org.callcentre.crm.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads request fields bound as raw JSON ({@code Object}). Bound as Java types, a wrong JSON type
 * either fails the whole body without naming the field ({@code "port":"abc"}) or is coerced quietly
 * ({@code "enabled":"maybe"} becomes false, {@code 5060.5} becomes 5060); read here it is one more
 * problem in {@link Fields}. A null stays null, for the caller's default or PATCH "keep".
 */
public final class JsonValues {

    private JsonValues() {
    }

    public static Integer integer(Fields f, String field, Object raw) {
        if (raw == null) {
            return null;
        }
        if ((raw instanceof Integer || raw instanceof Long || raw instanceof Short)
                && ((Number) raw).longValue() == ((Number) raw).intValue()) {
            return ((Number) raw).intValue();
        }
        if (raw instanceof String text && text.trim().matches("-?[0-9]{1,9}")) {
            return Integer.parseInt(text.trim());
        }
        f.check(false, field, "must be a whole number");
        return null;
    }

    public static Boolean bool(Fields f, String field, Object raw) {
        if (raw == null || raw instanceof Boolean) {
            return (Boolean) raw;
        }
        f.check(false, field, "must be true or false");
        return null;
    }

    public static List<String> strings(Fields f, String field, Object raw) {
        if (raw == null) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String text) {
                    strings.add(text);
                } else {
                    f.check(false, field, "must be a list of strings");
                }
            }
        } else {
            f.check(false, field, "must be a list of strings");
        }
        return strings;
    }
}
