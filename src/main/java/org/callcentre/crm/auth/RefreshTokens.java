package org.callcentre.crm.auth;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.SecretTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    public RefreshTokens(Db db, Clock clock, @Value("${crm.auth.refresh-token-days:30}") int days) {
        this.db = db;
        this.clock = clock;
        this.lifetime = Duration.ofDays(days);
    }

    /**
     * A stored token: its row id, owner, session, and whether it can still be used.
     *
     * @param revoked spent by a refresh or a logout, so that presenting it again means it was copied;
     *                a token of a session its user ended is not usable, but not revoked in this sense
     */
    public record Stored(long id, long operatorId, boolean usable, boolean revoked, Session session) {
    }

    /** One sign-in on one device, carried from token to token. */
    public record Session(long id, Instant startedAt) {
    }

    /** A new session's id; the token issued with it starts the session. */
    Session newSession() {
        return new Session(db.queryLong("SELECT nextval('auth_session_seq')"), clock.instant());
    }

    public String issue(long operatorId, Session session, ClientInfo client) {
        String token = SecretTokens.random();
        db.update("INSERT INTO refresh_tokens (operator_id, token_hash, expires_at, session_id, session_started_at, client_address, "
                        + "user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)",
                operatorId, SecretTokens.sha256(token), clock.instant().plus(lifetime), session.id(), session.startedAt(),
                client.address(), client.userAgent());
        return token;
    }

    public Optional<Stored> find(String token) {
        Instant now = clock.instant();
        return db.queryOne("SELECT id, operator_id, expires_at, revoked_at, session_ended_at, session_id, session_started_at "
                        + "FROM refresh_tokens WHERE token_hash = ?",
                rs -> {
                    boolean revoked = rs.getTimestamp("revoked_at") != null;
                    boolean ended = rs.getTimestamp("session_ended_at") != null;
                    boolean expired = !Db.getInstant(rs, "expires_at").isAfter(now);
                    return new Stored(rs.getLong("id"), rs.getLong("operator_id"), !revoked && !expired, revoked && !ended,
                            new Session(rs.getLong("session_id"), Db.getInstant(rs, "session_started_at")));
                }, SecretTokens.sha256(token));
    }

    /** The user's open sessions, newest first: each one's live token (refresh_tokens_live_operator_idx). */
    List<OwnSession> open(long operatorId) {
        return db.query("SELECT session_id, session_started_at, created_at, client_address, user_agent FROM refresh_tokens "
                        + "WHERE operator_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY session_started_at DESC, session_id DESC",
                rs -> new OwnSession(rs.getLong("session_id"), Db.getInstant(rs, "session_started_at"), Db.getInstant(rs, "created_at"),
                        rs.getString("client_address"), rs.getString("user_agent"), false), operatorId, clock.instant());
    }

    /** Whether the session still has a live token (refresh_tokens_live_session_idx). */
    boolean isOpen(long sessionId) {
        return db.queryLong("SELECT count(*) FROM refresh_tokens WHERE session_id = ? AND revoked_at IS NULL AND expires_at > ?",
                sessionId, clock.instant()) > 0;
    }

    /** @return whether the user had this session open */
    boolean revokeSession(long operatorId, long sessionId) {
        Instant now = clock.instant();
        return db.update("UPDATE refresh_tokens SET revoked_at = ?, session_ended_at = ? WHERE operator_id = ? AND session_id = ? "
                + "AND revoked_at IS NULL", now, now, operatorId, sessionId) > 0;
    }

    /** @return whether this call revoked it (false when it already was), so that a token is spent once */
    public boolean revoke(long id) {
        return db.update("UPDATE refresh_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", clock.instant(), id) == 1;
    }

    public void revokeAll(long operatorId) {
        db.update("UPDATE refresh_tokens SET revoked_at = ? WHERE operator_id = ? AND revoked_at IS NULL", clock.instant(), operatorId);
    }
}
