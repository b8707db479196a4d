package org.callcentre.crm.conversations;

import io.micronaut.serde.annotation.Serdeable;

/** A supervisor's assignment of a chat to an operator. */
@Serdeable
public record AssignRequest(Long operatorId) {
}
