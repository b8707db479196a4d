package org.callcentre.crm.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One of the user's open sessions.
 *
 * @param lastSeenAt when its latest token was issued: the sign-in or the last refresh
 * @param current    the session of the token that asks
 */
@Serdeable
public record OwnSession(long id, Instant startedAt, Instant lastSeenAt, @Nullable String address, @Nullable String userAgent,
                         boolean current) {

    OwnSession asCurrent(Long currentId) {
        return currentId != null && currentId == id ? new OwnSession(id, startedAt, lastSeenAt, address, userAgent, true) : this;
    }
}
