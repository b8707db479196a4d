package org.callcentre.crm.calls.ingest;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The append-only log of accepted call events, one row per (source, event id, time). Works on whole
 * batches — a handful of statements however many events — because the PBX sends many.
 */
@Singleton
public class CallEventStore implements StoredCallEvents {
    private final Db db;
    private final ObjectMapper json;

    public CallEventStore(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Serialises concurrent ingestion of the same calls until the transaction ends; other calls are
     * not held up. Locks are taken in one sorted order so that two batches cannot deadlock.
     */
    public void lockCalls(Collection<CallRef> calls) {
        List<String> keys = calls.stream().sorted().map(c -> c.source() + ":" + c.callKey()).toList();
        db.query("SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(?::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n",
                rs -> 1, keys);
    }

    /**
     * An event is one per (source, event id, time): {@code call_events} is partitioned by month on its
     * time (V281). One older than the retention horizon ({@link CallEventPartitions}) is not stored: its
     * call's other events are gone, so it could only re-derive the call wrongly.
     *
     * @return the ids of the events that were new (a redelivery is not, nor one past the horizon)
     */
    public Set<String> append(String source, List<CallEvent> events) {
        List<String> keys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (CallEvent event : events) {
            keys.add(event.callKey());
            ids.add(event.eventId());
            times.add(event.occurredAt().toString());
            payloads.add(write(event));
        }
        return new HashSet<>(db.query("""
                        INSERT INTO call_events (source, call_key, event_id, occurred_at, payload)
                        SELECT ?, k, e, t::timestamptz, p::jsonb FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS u(k, e, t, p)
                        WHERE t::timestamptz >= coalesce((SELECT kept_from FROM call_events_horizon), '-infinity')
                        ON CONFLICT (source, event_id, occurred_at) DO NOTHING
                        RETURNING event_id""",
                rs -> rs.getString(1), source, keys, ids, times, payloads));
    }

    /** Every stored event of the given calls of one source, grouped by call key. */
    @Override
    public Map<String, List<CallEvent>> eventsOf(String source, Collection<String> callKeys) {
        Map<String, List<CallEvent>> byCall = new HashMap<>();
        db.query("SELECT call_key, payload::text FROM call_events WHERE source = ? AND call_key = ANY (?::text[]) ORDER BY occurred_at, id",
                rs -> byCall.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(read(rs.getString(2))),
                source, callKeys);
        return byCall;
    }

    /** Every stored event of one call, by the call's id. */
    public List<CallEvent> eventsOfCall(long callId) {
        return db.query("SELECT e.payload::text FROM calls c JOIN call_events e ON e.source = c.source AND e.call_key = c.external_id "
                + "WHERE c.id = ? ORDER BY e.occurred_at, e.id", rs -> read(rs.getString(1)), callId);
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
