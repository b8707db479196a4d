package org.callcentre.crm.telephony.inbox;

import org.callcentre.crm.calls.ingest.CallEvent;

import java.util.List;

/** Turns one stored vendor event into domain call events; one implementation per webhook vendor. */
public interface InboxTranslator {
    String source();

    /** @throws IllegalArgumentException when the payload cannot be understood (it will not be retried) */
    List<CallEvent> translate(String eventType, String payload);
}
