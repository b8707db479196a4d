package org.callcentre.crm.stats;

import java.util.List;

/** A statement and its bound parameters: what a figure is read with, and what tests EXPLAIN. */
record Sql(String text, List<Object> params) {

    public Sql(String text, Object... params) {
        this(text, List.of(params));
    }

    public Object[] paramArray() {
        return params.toArray();
    }
}
