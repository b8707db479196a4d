package org.callcentre.crm.masters;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A field technician and the names of the cities they serve, in name order. */
@Serdeable
public record Master(long id, String name, String phone, List<String> cities, String status, String note,
                     Instant createdAt, Instant updatedAt) {

    public static final List<String> STATUSES = List.of("active", "inactive");
}
