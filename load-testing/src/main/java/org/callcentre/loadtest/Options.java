package org.callcentre.loadtest;

import java.util.HashMap;
import java.util.Map;

/** The tool's {@code name=value} arguments. */
final class Options {
    private final Map<String, String> values = new HashMap<>();

    Options(String[] args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments are name=value, not " + arg);
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
    }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    String text(String name) {
        return values.get(name);
    }

    int integer(String name, int otherwise) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    double decimal(String name, double otherwise) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : otherwise;
    }

    /** {@code name=LOW-HIGH} (or one number) in milliseconds. */
    long[] millisRange(String name, String otherwise) {
        String[] parts = values.getOrDefault(name, otherwise).split("-");
        long low = Long.parseLong(parts[0].trim());
        long high = parts.length > 1 ? Long.parseLong(parts[1].trim()) : low;
        if (low < 0 || high < low) {
            throw new IllegalArgumentException(name + " must be LOW-HIGH milliseconds, LOW ≤ HIGH");
        }
        return new long[]{low, high};
    }
}
