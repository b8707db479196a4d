package org.callcentre.crm.calls.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The events stored so far for calls of a source, for an adapter that re-syncs after a reconnect. */
public interface StoredCallEvents {
    /** Each call key's stored events, in order; a key with none is absent. */
    Map<String, List<CallEvent>> eventsOf(String source, Collection<String> callKeys);
}
