package org.callcentre.crm.clients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

@Serdeable
public record ClientView(long id, @Nullable String name, @Nullable String city, List<String> phones, List<String> tags,
                         boolean vip, boolean doNotServe, boolean anonymised, @Nullable Instant lastContactAt,
                         Instant createdAt, Instant updatedAt) {
}
