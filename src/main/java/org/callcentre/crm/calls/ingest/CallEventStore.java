package org.callcentre.crm.calls.ingest;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The append-only log of accepted call events, one row per (source, event id). */
@Singleton
public class CallEventStore {
    private final Db db;
    private final ObjectMapper json;

    public CallEventStore(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Serialises concurrent ingestion of the same call (two webhook deliveries, two workers) until
     * the transaction ends; other calls are not held up.
     */
    public void lockCall(String source, String callKey) {
        db.queryOne("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> rs.getObject(1), source + ":" + callKey);
    }

    /** @return whether the event is new (false for a redelivery) */
    public boolean append(CallEvent event) {
        return db.update("INSERT INTO call_events (source, call_key, event_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (source, event_id) DO NOTHING",
                event.source(), event.callKey(), event.eventId(), event.occurredAt(), new Db.Jsonb(write(event))) == 1;
    }

    public List<CallEvent> eventsOf(String source, String callKey) {
        return db.query("SELECT payload::text FROM call_events WHERE source = ? AND call_key = ? ORDER BY occurred_at, id",
                rs -> read(rs.getString(1)), source, callKey);
    }

    /**
     * The events of every call begun since {@code since} that has not ended, by call id: what live
     * state (who is ringing, who is talking) is rebuilt from after a restart. One statement, however
     * many calls are going on.
     */
    public Map<Long, List<CallEvent>> eventsOfUnendedCalls(Instant since) {
        Map<Long, List<CallEvent>> byCall = new LinkedHashMap<>();
        db.query("SELECT c.id, e.payload::text FROM calls c "
                        + "JOIN call_events e ON e.source = c.source AND e.call_key = c.external_id "
                        + "WHERE c.created_at >= ? AND c.ended_at IS NULL ORDER BY c.id, e.occurred_at, e.id",
                rs -> byCall.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(read(rs.getString(2))), since);
        return byCall;
    }

    private String write(CallEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CallEvent read(String payload) {
        try {
            return json.readValue(payload, CallEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
