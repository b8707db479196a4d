package org.callcentre.crm.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.DatabaseFaults;
import org.callcentre.crm.shared.Db;

import java.time.Duration;
import java.util.Optional;

/**
 * Each user's token version: access tokens carry the version current when they were issued, and
 * ending a user's sessions (password change, block, "log out everywhere") moves it on, so tokens
 * issued before stop working at once instead of at their expiry.
 *
 * <p>Every authenticated request asks for the version, so it is cached briefly. This node drops its
 * entry when it bumps a version; other nodes of a cluster see the bump when their entry expires
 * ({@code crm.auth.token-version-cache}, 5 s by default). A token that does not match the cached
 * version is checked against the database before it is refused, so a stale entry never refuses a
 * valid token.
 */
@Singleton
public class TokenVersions {
    private final Db db;
    private final Cache<Long, Optional<Integer>> cache;
    private final Cache<Long, Integer> lastRead = Caffeine.newBuilder().maximumSize(100_000).build();

    public TokenVersions(Db db, @Value("${crm.auth.token-version-cache:5s}") Duration cacheFor) {
        this.db = db;
        this.cache = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(100_000).build();
    }

    /** Whether a token carrying this version may still act for the user (false when the user is gone). */
    boolean accepts(long operatorId, int carried) {
        try {
            if (cache.get(operatorId, this::read).map(current -> current == carried).orElse(false)) {
                return true;
            }
            Optional<Integer> fresh = read(operatorId);
            cache.put(operatorId, fresh);
            return fresh.map(current -> current == carried).orElse(false);
        } catch (RuntimeException e) {
            if (!DatabaseFaults.unreachable(e)) {
                throw e;
            }
            // While PostgreSQL is away nobody can change a version, so the last one read still holds:
            // signed-in users keep working (and an admin can read the degraded /health) instead of
            // everyone being logged out by the outage.
            Integer known = lastRead.getIfPresent(operatorId);
            return known != null && known == carried;
        }
    }

    /** Read afresh for a token about to be issued. */
    int forNewToken(long operatorId) {
        return read(operatorId).orElseThrow(() -> new IllegalStateException("Operator " + operatorId + " is gone"));
    }

    void bump(long operatorId) {
        db.update("UPDATE operators SET token_version = token_version + 1 WHERE id = ?", operatorId);
        cache.invalidate(operatorId);
    }

    private Optional<Integer> read(long operatorId) {
        Optional<Integer> version = db.queryOne("SELECT token_version FROM operators WHERE id = ?", rs -> rs.getInt(1), operatorId);
        version.ifPresentOrElse(v -> lastRead.put(operatorId, v), () -> lastRead.invalidate(operatorId));
        return version;
    }
}
