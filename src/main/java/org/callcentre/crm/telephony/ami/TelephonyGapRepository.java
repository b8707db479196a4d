package org.callcentre.crm.telephony.ami;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.SqlFilter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

@Singleton
class TelephonyGapRepository {
    private static final String SELECT = "SELECT *";
    private static final String FROM = "FROM telephony_gaps";

    private final Db db;
    private final PagedQuery pages;

    TelephonyGapRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    TelephonyGap insertReported(String source, Instant start, Instant end, String reason) {
        return db.queryOne("INSERT INTO telephony_gaps (source, started_at, ended_at, reason, state) VALUES (?, ?, ?, ?, ?) RETURNING *",
                TelephonyGapRepository::map, source, start, end, reason, TelephonyGap.REPORTED).orElseThrow();
    }

    TelephonyGap backfilled(long id, int cdrCalls, int backfilledCalls) {
        return db.queryOne("UPDATE telephony_gaps SET state = ?, cdr_calls = ?, backfilled_calls = ?, error = NULL, updated_at = now() "
                + "WHERE id = ? RETURNING *", TelephonyGapRepository::map, TelephonyGap.BACKFILLED, cdrCalls, backfilledCalls, id).orElseThrow();
    }

    TelephonyGap backfillFailed(long id, String error) {
        return db.queryOne("UPDATE telephony_gaps SET state = ?, error = ?, updated_at = now() WHERE id = ? RETURNING *",
                TelephonyGapRepository::map, TelephonyGap.BACKFILL_FAILED, error, id).orElseThrow();
    }

    Page<TelephonyGap> list(String state, PageRequest page) {
        SqlFilter filter = new SqlFilter().when(state, "state = ?");
        return pages.page(SELECT, FROM, filter, "started_at DESC, id DESC", TelephonyGapRepository::map, page);
    }

    /** The newest gap whose calls were not recovered. */
    Optional<TelephonyGap> lastUnresolved() {
        return db.queryOne("SELECT * FROM telephony_gaps WHERE state <> ? ORDER BY id DESC LIMIT 1",
                TelephonyGapRepository::map, TelephonyGap.BACKFILLED);
    }

    private static TelephonyGap map(ResultSet rs) throws SQLException {
        return new TelephonyGap(rs.getLong("id"), rs.getString("source"), Db.getInstant(rs, "started_at"), Db.getInstant(rs, "ended_at"),
                rs.getString("reason"), rs.getString("state"), Db.getInt(rs, "cdr_calls"), Db.getInt(rs, "backfilled_calls"),
                rs.getString("error"), Db.getInstant(rs, "created_at"), Db.getInstant(rs, "updated_at"));
    }
}
