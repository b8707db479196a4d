package org.callcentre.crm.live;

import io.micronaut.serde.annotation.Serdeable;

/** An operator's chosen work status changed on another node: their live state is read afresh. */
@Serdeable
public record OperatorMoved(long operatorId) {
    public static final String TOPIC = "work-status";
}
