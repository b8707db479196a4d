package org.callcentre.crm.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A filter as the client gave it: under its query name for the audit log, under a Russian label in
 * the PDF.
 */
record AppliedFilter(String param, String label, String value) {

    /** Collects the filters actually given, in order. */
    static final class Builder {
        private final List<AppliedFilter> filters = new ArrayList<>();

        Builder add(String param, String label, Object value) {
            if (value != null && !String.valueOf(value).isBlank()) {
                filters.add(new AppliedFilter(param, label, String.valueOf(value).trim()));
            }
            return this;
        }

        List<AppliedFilter> build() {
            return List.copyOf(filters);
        }
    }

    static Map<String, Object> byParam(List<AppliedFilter> filters) {
        Map<String, Object> out = new LinkedHashMap<>();
        filters.forEach(f -> out.put(f.param(), f.value()));
        return out;
    }
}
