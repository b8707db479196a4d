package org.callcentre.crm.clients;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

@Serdeable
public record ClientView(long id, String name, String city, List<String> phones, List<String> tags,
                         Instant createdAt, Instant updatedAt) {
}
