package org.callcentre.crm.auth;

import io.micronaut.security.authentication.Authentication;
import org.callcentre.crm.shared.ApiException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What an access token says about its user, written and read in one place. */
public final class TokenClaims {
    static final String USER_ID = "uid";
    static final String TOKEN_VERSION = "tv";
    static final String SESSION_ID = "sid";
    private static final String CITY_ID = "cityId";

    private TokenClaims() {
    }

    static Authentication authentication(long userId, String login, Role role, Long cityId, int tokenVersion, long sessionId) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(USER_ID, userId);
        attributes.put(TOKEN_VERSION, tokenVersion);
        attributes.put(SESSION_ID, sessionId);
        if (cityId != null) {
            attributes.put(CITY_ID, cityId);
        }
        return Authentication.build(login, List.of(role.name()), attributes);
    }

    /** Also read by WebSocket endpoints, which validate the token from the query string themselves. */
    public static Actor actor(Authentication authentication, String ip) {
        Map<String, Object> attributes = authentication.getAttributes();
        Role role = authentication.getRoles().stream().map(Role::parse)
                .flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow(() -> ApiException.unauthorized("Token has no role"));
        return new Actor(number(attributes.get(USER_ID)), authentication.getName(), role,
                number(attributes.get(CITY_ID)), ip);
    }

    static Long userId(Object claim) {
        return number(claim);
    }

    /** The session a token belongs to; tokens issued before sessions were listed carry none. */
    static Long sessionId(Object claim) {
        return number(claim);
    }

    /** Tokens issued before versions existed carry none: they count as version 0, the column's default. */
    static int version(Object claim) {
        return claim instanceof Number n ? n.intValue() : 0;
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
