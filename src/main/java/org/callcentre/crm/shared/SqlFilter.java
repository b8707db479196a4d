package org.callcentre.crm.shared;

import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a list query, built from the filters a request actually gave. */
public final class SqlFilter {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds {@code condition} (with {@code ?} placeholders) unless its single value is null. */
    public SqlFilter when(Object value, String condition) {
        if (value != null) {
            conditions.add(condition);
            params.add(value);
        }
        return this;
    }

    public SqlFilter always(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Object[] params(Object... extra) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(extra));
        return all.toArray();
    }
}
