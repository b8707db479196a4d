package org.callcentre.crm.shared;

import java.util.HashMap;
import java.util.Map;

/** {@code page} (from 1) and {@code limit} (1..100) of a list request, validated. */
public record PageRequest(int page, int limit) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public static PageRequest of(Integer page, Integer limit) {
        Map<String, String> errors = new HashMap<>();
        int p = page == null ? 1 : page;
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (p < 1) {
            errors.put("page", "must be 1 or more");
        }
        if (l < 1 || l > MAX_LIMIT) {
            errors.put("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Invalid paging", errors);
        }
        return new PageRequest(p, l);
    }

    public int offset() {
        return (page - 1) * limit;
    }

    public Pagination pagination(long total, boolean estimated) {
        return new Pagination(page, limit, total, (total + limit - 1) / limit, estimated);
    }
}
