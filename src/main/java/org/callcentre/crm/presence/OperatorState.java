package org.callcentre.crm.presence;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {"type":"operator-state", …}} on {@code /ws/supervisor}: one operator's row of the wallboard, changed. */
@Serdeable
public record OperatorState(String type, @JsonUnwrapped OperatorPresence operator) {

    public static OperatorState of(OperatorPresence operator) {
        return new OperatorState("operator-state", operator);
    }
}
