package org.callcentre.crm.auth;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record Tokens(String accessToken, String refreshToken, String tokenType, Integer expiresIn, User user) {

    @Serdeable
    public record User(long id, String login, Role role, String name, String city) {
    }
}
