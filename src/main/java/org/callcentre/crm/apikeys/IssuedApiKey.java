package org.callcentre.crm.apikeys;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** The answer to creating a key: the one time the key itself is shown. */
@Serdeable
public record IssuedApiKey(long id, String name, String key, String prefix, List<String> scopes, long integrationId,
                           Instant createdAt) {
}
