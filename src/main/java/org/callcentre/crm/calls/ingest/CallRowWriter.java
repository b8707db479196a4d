package org.callcentre.crm.calls.ingest;

import jakarta.inject.Singleton;
import org.callcentre.crm.calls.Call;
import org.callcentre.crm.calls.CallRepository;
import org.callcentre.crm.shared.Db;

import java.util.ArrayList;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the derived state of a call into its one {@code calls} row. What operators typed
 * (disposition, note) is never touched; that an ended call stays ended is the fold's rule
 * ({@link CallTimeline#fold(List, Instant)}), given the end stored here.
 */
@Singleton
public class CallRowWriter {
    private final Db db;

    public CallRowWriter(Db db) {
        this.db = db;
    }

    /**
     * What earlier ingests stored for these calls: their links, so that they are not looked up again,
     * and their status and end, which a late event must not take back.
     */
    Map<String, StoredCall> existing(String source, Collection<String> callKeys) {
        Map<String, StoredCall> stored = new HashMap<>();
        db.query("SELECT external_id, operator_id, client_id, order_id, rk, city_id, client_phone, ats_phone, status, ended_at FROM calls "
                        + "WHERE source = ? AND external_id = ANY (?::text[])",
                rs -> stored.put(rs.getString("external_id"), new StoredCall(new CallLinks(Db.getLong(rs, "operator_id"),
                        Db.getLong(rs, "client_id"), Db.getLong(rs, "order_id"), rs.getString("rk"), Db.getLong(rs, "city_id"),
                        rs.getString("client_phone"), rs.getString("ats_phone")), CallStatus.of(rs.getString("status")),
                        Db.getInstant(rs, "ended_at"))),
                source, callKeys);
        return stored;
    }

    /** A call as an earlier batch left its row. */
    record StoredCall(CallLinks links, CallStatus status, Instant endedAt) {
    }

    private static final int COLUMNS = 21;

    /** A call's derived state and links, to be written. */
    record Row(String callKey, CallOutcome outcome, CallLinks links) {
    }

    /**
     * Upserts every call of a batch in one statement, rows in call-key order (so two batches lock
     * the same rows in the same order).
     *
     * @return by call key, each row as stored, with the names a live push shows (same statement: no second read)
     */
    public Map<String, Call> upsertAll(String source, Collection<Row> calls) {
        List<Row> sorted = calls.stream().sorted(Comparator.comparing(Row::callKey)).toList();
        List<List<Object>> columns = new ArrayList<>();
        for (int i = 0; i < COLUMNS; i++) {
            columns.add(new ArrayList<>(sorted.size()));
        }
        for (Row row : sorted) {
            CallOutcome o = row.outcome();
            CallLinks l = row.links();
            Object[] values = {row.callKey(), l.rk(), l.cityId(), l.clientPhone(), l.companyPhone(), o.direction().value(),
                    o.status().value(), o.missedReason() == null ? null : o.missedReason().value(), l.operatorId(), o.operatorExtension(), l.clientId(), l.openOrderId(), o.queue(),
                    o.createdAt(), o.answeredAt(), o.endedAt(), o.waitSeconds(), o.holdSeconds(), o.talkSeconds(),
                    o.disconnectReason(), o.recordingRef()};
            for (int i = 0; i < values.length; i++) {
                columns.get(i).add(values[i]);
            }
        }
        // the column arrays, then the source (the order the statement names them in)
        Object[] params = new Object[columns.size() + 1];
        for (int i = 0; i < columns.size(); i++) {
            params[i] = columns.get(i);
        }
        params[columns.size()] = source;
        Map<String, Call> stored = new HashMap<>();
        db.query("""
                        WITH u AS (
                            SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                                 ?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::timestamptz[],
                                                 ?::timestamptz[], ?::timestamptz[], ?::int[], ?::int[], ?::int[], ?::text[], ?::text[])
                                WITH ORDINALITY AS u(external_id, rk, city_id, client_phone, ats_phone, direction, status, missed_reason,
                                                     operator_id, operator_extension, client_id, order_id, queue, created_at,
                                                     answered_at, ended_at, wait_seconds, hold_seconds, talk_seconds,
                                                     disconnect_reason, recording_ref, n)),
                        c AS (
                        INSERT INTO calls (source, external_id, rk, city_id, client_phone, ats_phone, direction, status,
                                           missed_reason, operator_id, operator_extension, client_id, order_id, queue,
                                           created_at, answered_at, ended_at, wait_seconds, hold_seconds, talk_seconds,
                                           disconnect_reason, recording_ref)
                        SELECT ?, external_id, rk, city_id, client_phone, ats_phone, direction, status, missed_reason, operator_id,
                               operator_extension, client_id, order_id, queue, created_at, answered_at, ended_at, wait_seconds,
                               hold_seconds, talk_seconds, disconnect_reason, recording_ref
                        FROM u ORDER BY n
                        ON CONFLICT (source, external_id) DO UPDATE SET
                            rk = EXCLUDED.rk, city_id = EXCLUDED.city_id, client_phone = EXCLUDED.client_phone,
                            ats_phone = EXCLUDED.ats_phone, direction = EXCLUDED.direction,
                            status = EXCLUDED.status, missed_reason = EXCLUDED.missed_reason, ended_at = EXCLUDED.ended_at,
                            operator_id = EXCLUDED.operator_id, operator_extension = EXCLUDED.operator_extension,
                            client_id = EXCLUDED.client_id, order_id = coalesce(calls.order_id, EXCLUDED.order_id),
                            queue = EXCLUDED.queue, created_at = EXCLUDED.created_at, answered_at = EXCLUDED.answered_at,
                            wait_seconds = EXCLUDED.wait_seconds, hold_seconds = EXCLUDED.hold_seconds,
                            talk_seconds = EXCLUDED.talk_seconds, disconnect_reason = EXCLUDED.disconnect_reason,
                            recording_ref = coalesce(EXCLUDED.recording_ref, calls.recording_ref), updated_at = now()
                        RETURNING *)
                        SELECT c.*, ci.name AS city_name, o.name AS operator_name, cl.name AS client_name
                        FROM c LEFT JOIN cities ci ON ci.id = c.city_id LEFT JOIN operators o ON o.id = c.operator_id
                             LEFT JOIN clients cl ON cl.id = c.client_id""",
                rs -> {
                    Call call = CallRepository.map(rs);
                    stored.put(call.externalId(), call);
                    return call;
                }, params);
        return stored;
    }
}
