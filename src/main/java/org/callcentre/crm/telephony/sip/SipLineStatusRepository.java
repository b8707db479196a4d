package org.callcentre.crm.telephony.sip;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

@Singleton
class SipLineStatusRepository {
    private final Db db;

    SipLineStatusRepository(Db db) {
        this.db = db;
    }

    Optional<SipLineStatus> find(long lineId) {
        return db.queryOne("SELECT * FROM sip_line_status WHERE sip_line_id = ?", SipLineStatusRepository::map, lineId);
    }

    /** Replaces the line's status; failures count up while the line stays down and restart from 0 otherwise. */
    void save(long lineId, SipProbeResult result, Instant checkedAt) {
        db.update("INSERT INTO sip_line_status (sip_line_id, state, last_code, last_reason, rtt_ms, checked_at, consecutive_failures, error) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (sip_line_id) DO UPDATE SET state = EXCLUDED.state, last_code = EXCLUDED.last_code, "
                        + "last_reason = EXCLUDED.last_reason, rtt_ms = EXCLUDED.rtt_ms, checked_at = EXCLUDED.checked_at, "
                        + "consecutive_failures = CASE WHEN EXCLUDED.state = 'down' THEN sip_line_status.consecutive_failures + 1 ELSE 0 END, "
                        + "error = EXCLUDED.error",
                lineId, result.state(), result.code(), result.reason(), result.rttMs(), checkedAt,
                result.state() == SipLineState.down ? 1 : 0, result.error());
    }

    private static SipLineStatus map(ResultSet rs) throws SQLException {
        return new SipLineStatus(rs.getLong("sip_line_id"), SipLineState.valueOf(rs.getString("state")),
                Db.getInt(rs, "last_code"), rs.getString("last_reason"), Db.getInt(rs, "rtt_ms"),
                Db.getInstant(rs, "checked_at"), rs.getInt("consecutive_failures"), rs.getString("error"));
    }
}
