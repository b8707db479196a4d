package org.callcentre.crm.calls.ingest;

import jakarta.inject.Singleton;
import org.callcentre.crm.calls.Call;
import org.callcentre.crm.calls.CallRepository;
import org.callcentre.crm.shared.Db;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the derived state of a call into its one {@code calls} row. What operators typed
 * (disposition, note) is never touched, and an ended call is never reopened by a late event.
 */
@Singleton
public class CallRowWriter {
    private final Db db;

    public CallRowWriter(Db db) {
        this.db = db;
    }

    /** What earlier ingests already attached to these calls, so that it is not looked up again. */
    public Map<String, CallLinks> existingLinks(String source, Collection<String> callKeys) {
        Map<String, CallLinks> links = new HashMap<>();
        db.query("SELECT external_id, operator_id, client_id, order_id, rk, city_id, client_phone, ats_phone FROM calls "
                        + "WHERE source = ? AND external_id = ANY (?::text[])",
                rs -> links.put(rs.getString("external_id"), new CallLinks(Db.getLong(rs, "operator_id"), Db.getLong(rs, "client_id"),
                        Db.getLong(rs, "order_id"), rs.getString("rk"), Db.getLong(rs, "city_id"), rs.getString("client_phone"),
                        rs.getString("ats_phone"))),
                source, callKeys);
        return links;
    }

    /** @return the row as stored, with the names a live push shows (same statement: no second read) */
    public Call upsert(String source, String callKey, CallOutcome o, CallLinks links) {
        return db.queryOne("""
                        WITH c AS (
                        INSERT INTO calls (source, external_id, rk, city_id, client_phone, ats_phone, direction, status,
                                           missed_reason, operator_id, operator_extension, client_id, order_id, queue,
                                           created_at, answered_at, ended_at, wait_seconds, hold_seconds, talk_seconds,
                                           disconnect_reason, recording_ref)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (source, external_id) DO UPDATE SET
                            rk = EXCLUDED.rk, city_id = EXCLUDED.city_id, client_phone = EXCLUDED.client_phone,
                            ats_phone = EXCLUDED.ats_phone, direction = EXCLUDED.direction,
                            status = CASE WHEN calls.ended_at IS NOT NULL AND EXCLUDED.ended_at IS NULL THEN calls.status ELSE EXCLUDED.status END,
                            missed_reason = CASE WHEN calls.ended_at IS NOT NULL AND EXCLUDED.ended_at IS NULL THEN calls.missed_reason ELSE EXCLUDED.missed_reason END,
                            ended_at = coalesce(EXCLUDED.ended_at, calls.ended_at),
                            operator_id = EXCLUDED.operator_id, operator_extension = EXCLUDED.operator_extension,
                            client_id = EXCLUDED.client_id, order_id = coalesce(calls.order_id, EXCLUDED.order_id),
                            queue = EXCLUDED.queue, created_at = EXCLUDED.created_at, answered_at = EXCLUDED.answered_at,
                            wait_seconds = EXCLUDED.wait_seconds, hold_seconds = EXCLUDED.hold_seconds,
                            talk_seconds = EXCLUDED.talk_seconds, disconnect_reason = EXCLUDED.disconnect_reason,
                            recording_ref = coalesce(EXCLUDED.recording_ref, calls.recording_ref), updated_at = now()
                        RETURNING *)
                        SELECT c.*, ci.name AS city_name, o.name AS operator_name, cl.name AS client_name
                        FROM c LEFT JOIN cities ci ON ci.id = c.city_id LEFT JOIN operators o ON o.id = c.operator_id
                             LEFT JOIN clients cl ON cl.id = c.client_id""", CallRepository::map,
                source, callKey, links.rk(), links.cityId(), links.clientPhone(), links.companyPhone(), o.direction(),
                o.status(), o.missedReason(), links.operatorId(), o.operatorExtension(), links.clientId(), links.openOrderId(),
                o.queue(), o.createdAt(), o.answeredAt(), o.endedAt(), o.waitSeconds(), o.holdSeconds(), o.talkSeconds(),
                o.disconnectReason(), o.recordingRef()).orElseThrow();
    }
}
