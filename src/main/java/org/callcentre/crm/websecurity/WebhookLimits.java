package org.callcentre.crm.websecurity;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.callcentre.crm.shared.ApiExceptionHandler;
import org.callcentre.crm.shared.ErrorBody;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What machines outside may send: every path under {@code /integrations/<source>/} and
 * {@code /api/integrations/<source>} (Mango, Avito, the website's leads, and any integration added
 * later) gets a body size limit and a rate limit per source, checked before the body is read or a
 * signature or key is looked at. Per node: a cluster of N nodes lets N times the rate through.
 */
@ServerFilter({"/integrations/**", "/api/integrations/**"})
class WebhookLimits {
    private final long maxBodyBytes;
    private final double defaultPerSecond;
    private final int defaultBurst;
    private final Environment environment;
    /** Sources are read from the path, so anyone can invent one: past this many they share one bucket. */
    private static final int MAX_SOURCES = 64;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    WebhookLimits(@ReadableBytes @Value("${crm.webhooks.max-body-size:256KB}") long maxBodyBytes,
                  @Value("${crm.webhooks.requests-per-second:50}") double defaultPerSecond,
                  @Value("${crm.webhooks.burst:200}") int defaultBurst,
                  Environment environment) {
        this.maxBodyBytes = maxBodyBytes;
        this.defaultPerSecond = defaultPerSecond;
        this.defaultBurst = defaultBurst;
        this.environment = environment;
    }

    /** @return the refusal, or null to let the request through */
    @RequestFilter
    @Nullable
    HttpResponse<ErrorBody> check(HttpRequest<?> request) {
        if (request.getContentLength() > maxBodyBytes) {
            return refusal(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too_large",
                    "Request body is larger than " + maxBodyBytes + " bytes");
        }
        String path = source(request.getPath());
        String source = buckets.containsKey(path) || buckets.size() < MAX_SOURCES ? path : "other";
        Duration wait = buckets.computeIfAbsent(source, this::bucketFor).take(System.nanoTime());
        if (!wait.isZero()) {
            return refusal(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many requests from " + source + "; retry later")
                    .header("Retry-After", String.valueOf(ApiExceptionHandler.retryAfterSeconds(wait)));
        }
        return null;
    }

    /** {@code /integrations/mango/events/call} → {@code mango}; {@code /api/integrations/leads} → {@code leads}. */
    static String source(String path) {
        String rest = path.substring(path.indexOf("/integrations") + "/integrations".length());
        String[] segments = rest.split("/");
        return segments.length > 1 && !segments[1].isEmpty() ? segments[1] : "unknown";
    }

    private TokenBucket bucketFor(String source) {
        String prefix = "crm.webhooks.sources." + source + ".";
        double perSecond = environment.getProperty(prefix + "requests-per-second", Double.class).orElse(defaultPerSecond);
        int burst = environment.getProperty(prefix + "burst", Integer.class).orElse(defaultBurst);
        return new TokenBucket(perSecond, burst, System.nanoTime());
    }

    private static io.micronaut.http.MutableHttpResponse<ErrorBody> refusal(HttpStatus status, String code, String message) {
        return HttpResponse.<ErrorBody>status(status).body(ErrorBody.of(code, message, Map.of()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
