package org.callcentre.crm.conversations;

import io.micronaut.serde.annotation.Serdeable;

/** A chat changed in a way its operators should see at once; published inside the transaction that changed it.
 * Small enough to cross to the other nodes on the cluster channel. */
@Serdeable
public record ChatChanged(long conversationId, Kind kind) {

    public enum Kind {
        /** waits for a person */
        queued,
        /** the client wrote */
        message,
        /** got an owner, or another one */
        assigned,
        /** an operator answered */
        replied,
        closed,
        /** a first-response or resolution deadline passed unmet */
        breached
    }
}
