package org.callcentre.crm.operators;

import io.micronaut.serde.annotation.Serdeable;
import org.callcentre.crm.auth.Role;

import java.time.Instant;

@Serdeable
public record OperatorView(long id, String login, String name, Role role, String city, String sipAddress,
                           String status, String statusWork, Instant createdAt, Instant updatedAt) {
}
