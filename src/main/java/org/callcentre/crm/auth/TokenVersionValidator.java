package org.callcentre.crm.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Refuses an access token whose version is not the user's current one, whose user is gone, or
 * whose session was ended. Runs
 * inside the JWT validation that every HTTP request and every WebSocket admission goes through.
 */
@Singleton
class TokenVersionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {
    private final TokenVersions versions;
    private final OpenSessions sessions;

    TokenVersionValidator(TokenVersions versions, OpenSessions sessions) {
        this.versions = versions;
        this.sessions = sessions;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Long userId = TokenClaims.userId(claims.get(TokenClaims.USER_ID));
        if (userId == null) {
            return false;
        }
        int carried = TokenClaims.version(claims.get(TokenClaims.TOKEN_VERSION));
        Long session = TokenClaims.sessionId(claims.get(TokenClaims.SESSION_ID));
        return versions.accepts(userId, carried) && (session == null || sessions.accepts(session));
    }
}
