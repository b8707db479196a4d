package org.callcentre.crm.live;

import com.nimbusds.jwt.JWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.ActorBinder;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.auth.TokenClaims;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a WebSocket in on the access token in its {@code ?token=} query parameter (a browser cannot
 * set headers on a WebSocket), checked by the same JWT validation as every HTTP request. Refused
 * sockets are closed with 1008 (policy violation). An admitted socket is closed the same way when
 * its token expires, so that a blocked account stops receiving pops within one token lifetime; the
 * browser reconnects with a refreshed token. When the user's sessions end (password, block, role or
 * city changed, log out everywhere) every socket admitted on the user's tokens is closed at once, on
 * every node ({@link SocketsOfEndedSessions}): a demoted supervisor stops hearing every call. The token
 * is never logged.
 */
@Singleton
public class SocketAdmission {
    static final String TOKEN_PARAMETER = "token";
    private static final CloseReason TOKEN_EXPIRED = new CloseReason(CloseReason.POLICY_VIOLATION.getCode(), "Token expired");
    private static final CloseReason SESSIONS_ENDED = new CloseReason(CloseReason.POLICY_VIOLATION.getCode(), "Session ended");
    private static final String USER_ID = "admittedUserId";

    private final JsonWebTokenValidator<JWT, HttpRequest<?>> validator;
    private final JwtAuthenticationFactory authentications;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Map<Long, Set<WebSocketSession>> byUser = new ConcurrentHashMap<>();

    public SocketAdmission(JsonWebTokenValidator<JWT, HttpRequest<?>> validator, JwtAuthenticationFactory authentications,
                           TaskScheduler scheduler, Clock clock) {
        this.validator = validator;
        this.authentications = authentications;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    private record Admitted(Actor actor, Instant expiresAt) {
    }

    /** @return who opened the socket, or empty when it was refused (and closed) */
    Optional<Actor> admit(WebSocketSession session, HttpRequest<?> request, Set<Role> roles) {
        Optional<Admitted> admitted = check(session.getRequestParameters().get(TOKEN_PARAMETER), request)
                .filter(a -> roles.contains(a.actor().role()));
        if (admitted.isEmpty()) {
            session.close(CloseReason.POLICY_VIOLATION);
            return Optional.empty();
        }
        long userId = admitted.get().actor().id();
        session.put(USER_ID, userId);
        byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(session);
        Instant expiresAt = admitted.get().expiresAt();
        if (expiresAt != null) {
            scheduler.schedule(Duration.between(clock.instant(), expiresAt), () -> {
                if (session.isOpen()) {
                    session.close(TOKEN_EXPIRED);
                }
            });
        }
        return Optional.of(admitted.get().actor());
    }

    /** From the socket's {@code @OnClose}. */
    void left(WebSocketSession session) {
        session.get(USER_ID, Long.class).ifPresent(userId -> byUser.computeIfPresent(userId, (id, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        }));
    }

    /** Closes every socket this node admitted for the user; their {@code @OnClose} tidies the rest. */
    void closeAll(long userId) {
        Set<WebSocketSession> sessions = byUser.remove(userId);
        if (sessions != null) {
            sessions.stream().filter(WebSocketSession::isOpen).forEach(session -> session.close(SESSIONS_ENDED));
        }
    }

    private Optional<Admitted> check(String token, HttpRequest<?> request) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            Optional<JWT> jwt = validator.validate(token, request);
            return jwt.flatMap(authentications::createAuthentication)
                    .map(authentication -> new Admitted(TokenClaims.actor(authentication, ActorBinder.clientAddress(request)),
                            expiry(jwt.get())));
        } catch (RuntimeException unusable) {
            // A token without a role, or one the parser chokes on, is simply not a way in.
            return Optional.empty();
        }
    }

    private static Instant expiry(JWT jwt) {
        try {
            Date exp = jwt.getJWTClaimsSet().getExpirationTime();
            return exp == null ? null : exp.toInstant();
        } catch (ParseException e) {
            throw new IllegalArgumentException("unreadable claims", e);
        }
    }
}
