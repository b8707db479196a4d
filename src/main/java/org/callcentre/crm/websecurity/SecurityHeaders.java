package org.callcentre.crm.websecurity;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers on every answer, errors included. The default policy suits the Vite-built single-page UI
 * served from {@code /}: scripts only from this origin (no inline scripts, no eval), styles from this
 * origin plus the style elements CSS-in-JS libraries insert, WebSockets and API calls to this origin,
 * never in a frame. {@code /api} answers are not cached: they carry personal data.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders implements Ordered {
    private final String contentSecurityPolicy;
    private final String referrerPolicy;
    private final String strictTransportSecurity;

    SecurityHeaders(@Value("${crm.security.headers.content-security-policy}") String contentSecurityPolicy,
                    @Value("${crm.security.headers.referrer-policy:no-referrer}") String referrerPolicy,
                    @Value("${crm.security.headers.strict-transport-security:}") String strictTransportSecurity) {
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.referrerPolicy = referrerPolicy;
        this.strictTransportSecurity = strictTransportSecurity;
    }

    /** Outside the security filter, so that its 401 and 403 answers get the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void addTo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        setUnlessPresent(headers, "Content-Security-Policy", contentSecurityPolicy);
        setUnlessPresent(headers, "X-Content-Type-Options", "nosniff");
        setUnlessPresent(headers, "X-Frame-Options", "DENY");
        setUnlessPresent(headers, "Referrer-Policy", referrerPolicy);
        setUnlessPresent(headers, "Cross-Origin-Opener-Policy", "same-origin");
        setUnlessPresent(headers, "Permissions-Policy", "camera=(), geolocation=(), payment=(), usb=()");
        if (!strictTransportSecurity.isBlank()) {
            setUnlessPresent(headers, "Strict-Transport-Security", strictTransportSecurity);
        }
        if (request.getPath().startsWith("/api/")) {
            setUnlessPresent(headers, "Cache-Control", "no-store");
        }
    }

    private static void setUnlessPresent(MutableHttpHeaders headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
