package org.callcentre.crm.siplines;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** What the API shows of a line: whether a secret is set, never the secret. */
@Serdeable
public record SipLineView(long id, String name, String host, int port, String transport, String username,
                          boolean hasSecret, String city, boolean enabled, Instant createdAt, Instant updatedAt) {
}
