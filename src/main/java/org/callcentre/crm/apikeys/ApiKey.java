package org.callcentre.crm.apikeys;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A stored key as admins see it: the prefix identifies it, the key itself is never shown again.
 * {@code integrationId} names the namespace of the external ids it sends: the key's own id, or the
 * integration of the key it replaced.
 */
@Serdeable
public record ApiKey(long id, String name, String prefix, List<String> scopes, long integrationId, Instant createdAt,
                     Instant lastUsedAt, Instant revokedAt) {
}
