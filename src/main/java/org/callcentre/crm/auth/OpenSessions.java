package org.callcentre.crm.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.DatabaseFaults;

import java.time.Duration;

/**
 * Whether the session an access token names is still open, asked on every authenticated request:
 * cached briefly ({@code crm.auth.open-session-cache}, 5 s; not the token versions' cache, which the cluster
 * bus keeps fresh). A session only ever closes, so this node drops a session it ends at once and other
 * nodes within the cache time.
 */
@Singleton
class OpenSessions {
    private final RefreshTokens tokens;
    private final Cache<Long, Boolean> open;

    OpenSessions(RefreshTokens tokens, @Value("${crm.auth.open-session-cache:5s}") Duration cacheFor) {
        this.tokens = tokens;
        this.open = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(100_000).build();
    }

    boolean accepts(long sessionId) {
        // while PostgreSQL is away nobody can end a session: the token stands (see TokenVersions)
        return DatabaseFaults.orWhileUnreachable(() -> open.get(sessionId, tokens::isOpen), () -> true);
    }

    void ended(long sessionId) {
        open.put(sessionId, false);
    }
}
