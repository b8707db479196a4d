package org.callcentre.crm.testing;

import java.util.Map;

/** One indicator of {@code /health}, as someone logged in sees it (status and details). */
public final class Health {
    private Health() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Api loggedIn, String indicator) {
        Map<String, Object> details = (Map<String, Object>) loggedIn.get("/health").body().get("details");
        return (Map<String, Object>) details.get(indicator);
    }
}
