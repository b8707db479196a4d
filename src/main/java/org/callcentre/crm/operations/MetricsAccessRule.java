package org.callcentre.crm.operations;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Role;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read {@code /prometheus}: a scraper on the same host ({@code crm.metrics.allow-localhost}),
 * a scraper sending {@code Authorization: Bearer <crm.metrics.token>}, or a logged-in admin. Anyone
 * else is refused: the figures describe the call centre's traffic. Behind a reverse proxy on the same
 * host every request comes from localhost, so there switch allow-localhost off and use the token.
 */
@Singleton
class MetricsAccessRule implements SecurityRule<HttpRequest<?>> {
    private static final String PATH = "/prometheus";
    private static final String BEARER = "Bearer ";

    private final boolean allowLocalhost;
    private final byte[] token;

    MetricsAccessRule(@Value("${crm.metrics.allow-localhost:true}") boolean allowLocalhost,
                      @Value("${crm.metrics.token:}") String token) {
        this.allowLocalhost = allowLocalhost;
        this.token = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Before the endpoint rules, which would let a non-sensitive endpoint through to anyone. */
    @Override
    public int getOrder() {
        return -1000;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || !(request.getPath().equals(PATH) || request.getPath().startsWith(PATH + "/"))) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        boolean allowed = (allowLocalhost && fromLoopback(request)) || carriesToken(request)
                || (authentication != null && authentication.getRoles().contains(Role.ADMIN));
        return Publishers.just(allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    private static boolean fromLoopback(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    private boolean carriesToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return token != null && header != null && header.startsWith(BEARER)
                && MessageDigest.isEqual(token, header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8));
    }
}
