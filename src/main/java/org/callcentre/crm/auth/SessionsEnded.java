package org.callcentre.crm.auth;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Every session of a user ended (password, block, role or city changed, log out everywhere, account
 * deleted). Published inside the transaction that ends them: on this node as an event, on the other
 * nodes through the cluster bus with the commit; each drops its cached token version and closes the
 * user's open WebSockets.
 */
@Serdeable
public record SessionsEnded(long operatorId) {
    public static final String TOPIC = "sessions-ended";
}
