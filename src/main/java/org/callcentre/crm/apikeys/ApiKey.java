package org.callcentre.crm.apikeys;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A stored key as admins see it: the prefix identifies it, the key itself is never shown again. */
@Serdeable
public record ApiKey(long id, String name, String prefix, List<String> scopes, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
}
