package org.callcentre.crm.telephony.inbox;

import io.micronaut.core.annotation.Nullable;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;

import java.util.List;

/**
 * A webhook as its controller read it at receipt: the payload is stored as received, and the events
 * it was translated into go to the {@link InboxWorker} in memory, so that the webhook is parsed
 * once (the worker parses the stored payload only for entries it was not handed, e.g. after a
 * restart).
 *
 * @param events     what the payload means; empty when {@code unreadable}
 * @param unreadable why the payload could not be translated (it is stored and set aside), or null
 */
public record Received(String source, String eventType, String payload, List<CallEvent> events, @Nullable String unreadable) {

    /** An operator's phone starts ringing in it: applied ahead of older entries, so the pop does not wait for them. */
    boolean rings() {
        return events.stream().anyMatch(e -> e.kind() == CallEventKind.RINGING);
    }
}
