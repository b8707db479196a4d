package org.callcentre.crm.operators;

import io.micronaut.serde.annotation.Serdeable;

/** Create and update body; on update an absent field keeps its value. */
@Serdeable
public record OperatorRequest(String login, String password, String name, String role, String city,
                              String sipAddress, String status, String statusWork) {
}
