package org.callcentre.crm.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The changed fields of an update, as {@code {"field":{"from":…,"to":…}}}, for the audit log. */
public final class Changes {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Changes field(String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", before == null ? null : String.valueOf(before));
            change.put("to", after == null ? null : String.valueOf(after));
            fields.put(name, change);
        }
        return this;
    }

    public Changes set(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    public Map<String, Object> asMap() {
        return fields;
    }
}
