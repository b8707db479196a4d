package org.callcentre.crm.leads.avito;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Avito access tokens by account. Avito issues client-credentials tokens for about a day and has
 * no refresh token, so a new one is asked for before the old one runs out: a tenth of its life
 * early (at most five minutes). A changed account (new client id or secret) never reuses a token.
 */
@Singleton
class AvitoTokens {
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    private record Cached(String token, Instant renewAt, Instant accountVersion) {
    }

    /** What Avito's /token answered. */
    record Issued(String accessToken, long expiresInSeconds) {
    }

    interface Issuer {
        Issued issue(AvitoAccount account) throws AvitoApiException;
    }

    AvitoTokens(Clock clock) {
        this.clock = clock;
    }

    /** One request per account at a time asks Avito, so parallel sends share one new token. */
    String token(AvitoAccount account, Issuer issuer) throws AvitoApiException {
        synchronized (locks.computeIfAbsent(account.id(), id -> new Object())) {
            return cachedOrIssued(account, issuer);
        }
    }

    private String cachedOrIssued(AvitoAccount account, Issuer issuer) throws AvitoApiException {
        Cached cached = cache.get(account.id());
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.renewAt()) && cached.accountVersion().equals(account.updatedAt())) {
            return cached.token();
        }
        Issued issued = issuer.issue(account);
        Duration life = Duration.ofSeconds(Math.max(issued.expiresInSeconds(), 0));
        Duration margin = life.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? life.dividedBy(10) : MAX_MARGIN;
        cache.put(account.id(), new Cached(issued.accessToken(), now.plus(life).minus(margin), account.updatedAt()));
        return issued.accessToken();
    }

    /** Avito said the token is no good (401): the next call asks for a new one. */
    void forget(long accountId) {
        cache.remove(accountId);
    }
}
