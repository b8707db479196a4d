package org.callcentre.crm.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.cluster.ClusterBus;
import org.callcentre.crm.cluster.PeerMessage;
import org.callcentre.crm.shared.DatabaseFaults;
import org.callcentre.crm.shared.Db;

import java.time.Duration;
import java.util.Optional;

/**
 * Each user's token version: access tokens carry the version current when they were issued, and
 * ending a user's sessions (password change, block, "log out everywhere") moves it on, so tokens
 * issued before stop working at once instead of at their expiry.
 *
 * <p>Every authenticated request (and every WebSocket admission) asks for the version, so it is kept in
 * memory and a request needs no pooled connection for it: only a user's first request, or the first
 * after a change, reads the database. An entry is dropped when the change that bumps the version
 * commits ({@link SessionsEnded}): on this node by the event, on every other node by the cluster bus,
 * and all of them when the bus may have missed messages ({@link PeerMessage#RESYNC}).
 * {@code crm.auth.token-version-cache} (10 min) only bounds how long a change made behind the service's
 * back (SQL by hand) goes unseen. A token that does not match the cached version is checked against the
 * database before it is refused, so a stale entry never refuses a valid token.
 */
@Singleton
public class TokenVersions {
    private final Db db;
    private final ClusterBus bus;
    private final Cache<Long, Optional<Integer>> cache;
    private final Cache<Long, Integer> lastRead = Caffeine.newBuilder().maximumSize(100_000).build();

    public TokenVersions(Db db, @Value("${crm.auth.token-version-cache:10m}") Duration cacheFor, ClusterBus bus) {
        this.db = db;
        this.bus = bus;
        this.cache = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(100_000).build();
    }

    /** Whether a token carrying this version may still act for the user (false when the user is gone). */
    boolean accepts(long operatorId, int carried) {
        // While PostgreSQL is away nobody can change a version, so the last one read still holds:
        // signed-in users keep working (and an admin can read the degraded /health) instead of
        // everyone being logged out by the outage.
        return DatabaseFaults.orWhileUnreachable(() -> {
            if (cache.get(operatorId, this::read).map(current -> current == carried).orElse(false)) {
                return true;
            }
            Optional<Integer> fresh = read(operatorId);
            cache.put(operatorId, fresh);
            return fresh.map(current -> current == carried).orElse(false);
        }, () -> {
            Integer known = lastRead.getIfPresent(operatorId);
            return known != null && known == carried;
        });
    }

    /** Read afresh for a token about to be issued. */
    int forNewToken(long operatorId) {
        return read(operatorId).orElseThrow(() -> new IllegalStateException("Operator " + operatorId + " is gone"));
    }

    void bump(long operatorId) {
        db.update("UPDATE operators SET token_version = token_version + 1 WHERE id = ?", operatorId);
        cache.invalidate(operatorId);
    }

    /**
     * After the commit: dropping the entry only in {@link #bump} would let a request that reads the
     * old version between the bump and the commit cache it again.
     */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onSessionsEnded(SessionsEnded ended) {
        cache.invalidate(ended.operatorId());
    }

    @EventListener
    void onPeerMessage(PeerMessage message) {
        if (SessionsEnded.TOPIC.equals(message.topic())) {
            cache.invalidate(bus.read(message, SessionsEnded.class).operatorId());
        } else if (PeerMessage.RESYNC.equals(message.topic())) {
            cache.invalidateAll();
        }
    }

    private Optional<Integer> read(long operatorId) {
        Optional<Integer> version = db.queryOne("SELECT token_version FROM operators WHERE id = ?", rs -> rs.getInt(1), operatorId);
        version.ifPresentOrElse(v -> lastRead.put(operatorId, v), () -> lastRead.invalidate(operatorId));
        return version;
    }
}
