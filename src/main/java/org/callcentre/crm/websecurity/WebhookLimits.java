package org.callcentre.crm.websecurity;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.ApiExceptionHandler;
import org.callcentre.crm.shared.ErrorBody;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What machines outside may send to every path under {@code /integrations/<source>/} and
 * {@code /api/integrations/<source>} (Mango, Avito, the website's leads, any integration added later):
 * a body size limit, checked before the body is read (or, for a chunked body, counted as it arrives), and a budget of <b>failed</b> verifications per
 * client address. The controller verifies the signature, key or path secret first; only a refusal
 * (401 or 403) is charged, and once an address has spent its budget its refusals become 429 with
 * {@code Retry-After}. A correctly signed request is never limited, however busy the PBX, and junk
 * from one address cannot spend a PBX's budget. The client address is the peer's, or — only when the
 * peer is one of {@code crm.webhooks.trusted-proxies} — the last address {@code X-Forwarded-For}
 * names that is not itself a trusted proxy. Per node: a cluster of N nodes gives N budgets.
 */
@ServerFilter({"/integrations/**", "/api/integrations/**"})
class WebhookLimits {
    /** Addresses are the sender's to choose: past this many they share one budget until the map is cleared. */
    private static final int MAX_ADDRESSES = 10_000;
    private static final String OVERFLOW = "other";

    private final long maxBodyBytes;
    private final double failuresPerSecond;
    private final int failuresBurst;
    private final Set<String> trustedProxies;
    private final Map<String, TokenBucket> failures = new ConcurrentHashMap<>();

    WebhookLimits(@ReadableBytes @Value("${crm.webhooks.max-body-size:256KB}") long maxBodyBytes,
                  @Value("${crm.webhooks.failures-per-second:1}") double failuresPerSecond,
                  @Value("${crm.webhooks.failures-burst:20}") int failuresBurst,
                  @Value("${crm.webhooks.trusted-proxies:}") List<String> trustedProxies) {
        this.maxBodyBytes = maxBodyBytes;
        this.failuresPerSecond = failuresPerSecond;
        this.failuresBurst = failuresBurst;
        this.trustedProxies = trustedProxies.stream().map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A declared length over the limit is refused before a byte is read. A body without one (chunked) is
     * counted as it arrives, on a split of the body that sets the reading pace, so the refusal comes as
     * soon as the count passes the limit rather than at the server's 1 MB.
     *
     * @return completes with the request to let it through, or fails with the 413
     */
    @RequestFilter
    CompletableFuture<HttpRequest<?>> checkSize(HttpRequest<?> request) {
        long declared = request.getContentLength();
        if (declared > maxBodyBytes) {
            return CompletableFuture.failedFuture(tooLarge());
        }
        if (declared >= 0 || !(request instanceof ServerHttpRequest<?> server)) {
            return CompletableFuture.completedFuture(request);
        }
        CompletableFuture<HttpRequest<?>> verdict = new CompletableFuture<>();
        server.byteBody().split(ByteBody.SplitBackpressureMode.NEW).toByteArrayPublisher().subscribe(new Subscriber<byte[]>() {
            private Subscription subscription;
            private long received;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(byte[] chunk) {
                received += chunk.length;
                if (received > maxBodyBytes && verdict.completeExceptionally(tooLarge())) {
                    subscription.cancel();
                }
            }

            @Override
            public void onError(Throwable failure) {
                // the request's own reading reports a broken body; this count has nothing to add
                verdict.complete(request);
            }

            @Override
            public void onComplete() {
                verdict.complete(request);
            }
        });
        return verdict;
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too_large", "Request body is larger than " + maxBodyBytes + " bytes", Map.of());
    }

    /** A failed verification is charged to its address; past the budget it is answered 429. */
    @ResponseFilter
    void chargeFailedVerification(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status != HttpStatus.UNAUTHORIZED.getCode() && status != HttpStatus.FORBIDDEN.getCode()) {
            return;
        }
        String address = clientAddress(request);
        if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(address)) {
            address = OVERFLOW;
        }
        Duration wait = failures.computeIfAbsent(address, a -> new TokenBucket(failuresPerSecond, failuresBurst, System.nanoTime()))
                .take(System.nanoTime());
        if (!wait.isZero()) {
            @SuppressWarnings("unchecked")
            MutableHttpResponse<Object> limited = (MutableHttpResponse<Object>) response;
            limited.status(HttpStatus.TOO_MANY_REQUESTS)
                    .body(ErrorBody.of("rate_limited", "Too many failed verifications from " + address + "; retry later", Map.of()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", String.valueOf(ApiExceptionHandler.retryAfterSeconds(wait)));
        }
    }

    private String clientAddress(HttpRequest<?> request) {
        String peer = request.getRemoteAddress().getAddress().getHostAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For").stream()
                .flatMap(h -> Arrays.stream(h.split(","))).map(String::trim).filter(a -> !a.isEmpty()).toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(forwarded.get(i))) {
                return forwarded.get(i);
            }
        }
        return peer;
    }
}
