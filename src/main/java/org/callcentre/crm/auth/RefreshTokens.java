package org.callcentre.crm.auth;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.SecretTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes, used once: each refresh revokes the
 * token it used and issues a new one.
 */
@Singleton
public class RefreshTokens {
    private final Db db;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration reuseGrace;

    public RefreshTokens(Db db, Clock clock, @Value("${crm.auth.refresh-token-days:30}") int days,
                         @Value("${crm.auth.refresh-reuse-grace:10s}") Duration reuseGrace) {
        this.db = db;
        this.clock = clock;
        this.lifetime = Duration.ofDays(days);
        this.reuseGrace = reuseGrace;
    }

    /** A stored token: its row id, owner, and whether it can still be used. */
    public record Stored(long id, long operatorId, boolean usable, boolean revoked) {
    }

    public String issue(long operatorId) {
        String token = SecretTokens.random();
        db.update("INSERT INTO refresh_tokens (operator_id, token_hash, expires_at) VALUES (?, ?, ?)",
                operatorId, SecretTokens.sha256(token), clock.instant().plus(lifetime));
        return token;
    }

    public Optional<Stored> find(String token) {
        Instant now = clock.instant();
        return db.queryOne("SELECT id, operator_id, expires_at, revoked_at FROM refresh_tokens WHERE token_hash = ?",
                rs -> {
                    boolean revoked = rs.getTimestamp("revoked_at") != null;
                    boolean expired = !Db.getInstant(rs, "expires_at").isAfter(now);
                    return new Stored(rs.getLong("id"), rs.getLong("operator_id"), !revoked && !expired, revoked);
                }, SecretTokens.sha256(token));
    }

    /** @return whether this call revoked it (false when it already was), so that a token is spent once */
    public boolean revoke(long id) {
        return db.update("UPDATE refresh_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", clock.instant(), id) == 1;
    }

    /** Links a token spent by a refresh to the one issued in its place. */
    public void replaced(long id, String successor) {
        db.update("UPDATE refresh_tokens SET replaced_by = (SELECT id FROM refresh_tokens WHERE token_hash = ?) WHERE id = ?",
                SecretTokens.sha256(successor), id);
    }

    /**
     * Whether a spent token presented again is a second tab that refreshed at the same moment as the first,
     * not a copy: it was spent by a refresh within {@code crm.auth.refresh-reuse-grace}, and the token issued
     * in its place still lives (a logout or "log out everywhere" since would have revoked it).
     */
    public boolean spentJustNowBySibling(long id) {
        return db.queryOne("""
                SELECT 1 FROM refresh_tokens spent JOIN refresh_tokens successor ON successor.id = spent.replaced_by
                WHERE spent.id = ? AND spent.revoked_at > ? AND successor.revoked_at IS NULL AND successor.expires_at > ?""",
                rs -> 1, id, clock.instant().minus(reuseGrace), clock.instant()).isPresent();
    }

    public void revokeAll(long operatorId) {
        db.update("UPDATE refresh_tokens SET revoked_at = ? WHERE operator_id = ? AND revoked_at IS NULL", clock.instant(), operatorId);
    }
}
