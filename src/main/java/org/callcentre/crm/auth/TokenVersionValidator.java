package org.callcentre.crm.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Refuses an access token whose version is not the user's current one, or whose user is gone. Runs
 * inside the JWT validation that every HTTP request and every WebSocket admission goes through.
 */
@Singleton
class TokenVersionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {
    private final TokenVersions versions;

    TokenVersionValidator(TokenVersions versions) {
        this.versions = versions;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Long userId = TokenClaims.userId(claims.get(TokenClaims.USER_ID));
        if (userId == null) {
            return false;
        }
        int carried = TokenClaims.version(claims.get(TokenClaims.TOKEN_VERSION));
        return versions.accepts(userId, carried);
    }
}
