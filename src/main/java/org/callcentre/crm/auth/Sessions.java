package org.callcentre.crm.auth;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.callcentre.crm.cluster.ClusterBus;

/**
 * Ends every session of a user: refresh tokens revoked, access tokens already issued refused, and —
 * once the change commits — the cached token version dropped and the user's open WebSockets closed,
 * on this node and on every other ({@link SessionsEnded}).
 */
@Singleton
public class Sessions {
    private final RefreshTokens refreshTokens;
    private final TokenVersions versions;
    private final ClusterBus bus;
    private final ApplicationEventPublisher<SessionsEnded> ended;

    public Sessions(RefreshTokens refreshTokens, TokenVersions versions, ClusterBus bus, ApplicationEventPublisher<SessionsEnded> ended) {
        this.refreshTokens = refreshTokens;
        this.versions = versions;
        this.bus = bus;
        this.ended = ended;
    }

    /** Call inside the transaction that makes the change (password, block, role or city) which ends the sessions. */
    public void endAll(long operatorId) {
        refreshTokens.revokeAll(operatorId);
        versions.bump(operatorId);
        announce(operatorId);
    }

    /** For a user about to be deleted: nothing to revoke or bump, but caches and sockets everywhere must let go. */
    public void announce(long operatorId) {
        SessionsEnded event = new SessionsEnded(operatorId);
        bus.publish(SessionsEnded.TOPIC, event);
        ended.publishEvent(event);
    }
}
