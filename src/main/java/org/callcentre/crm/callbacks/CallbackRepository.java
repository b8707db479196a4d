package org.callcentre.crm.callbacks;

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
public class CallbackRepository {
    private static final String SELECT = "SELECT b.*, cl.name AS client_name, ci.name AS city_name";
    private static final String FROM = "FROM callbacks b JOIN clients cl ON cl.id = b.client_id LEFT JOIN cities ci ON ci.id = b.city_id";

    private final Db db;
    private final PagedQuery pages;

    public CallbackRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    public Page<Callback> list(Long cityId, String status, PageRequest page) {
        SqlFilter filter = new SqlFilter().when(cityId, "b.city_id = ?").when(status, "b.status = ?");
        return pages.page(SELECT, FROM, filter, "b.last_missed_at DESC, b.id DESC", CallbackRepository::map, page);
    }

    public Optional<Callback> findById(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE b.id = ?", CallbackRepository::map, id);
    }

    /** Locks the client's open task, if any, for the rest of the transaction. */
    public Optional<Long> openTaskOf(long clientId) {
        return db.queryOne("SELECT id FROM callbacks WHERE client_id = ? AND status IN ('open', 'in_progress') FOR UPDATE",
                rs -> rs.getLong(1), clientId);
    }

    /** @return empty when a concurrent ingest opened the client's task first */
    public Optional<Long> open(long clientId, String phone, Long cityId, long callId, Instant missedAt) {
        return db.queryOne("INSERT INTO callbacks (client_id, phone, city_id, first_missed_at, last_missed_at, last_call_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (client_id) WHERE status IN ('open', 'in_progress') DO NOTHING RETURNING id",
                rs -> rs.getLong(1), clientId, phone, cityId, missedAt, missedAt, callId);
    }

    /** @return false when this call is already counted by a task */
    public boolean countCall(long callbackId, long callId) {
        return db.update("INSERT INTO callback_calls (call_id, callback_id) VALUES (?, ?) ON CONFLICT (call_id) DO NOTHING",
                callId, callbackId) == 1;
    }

    public void recordMissedCall(long callbackId, long callId, Instant missedAt) {
        db.update("""
                UPDATE callbacks SET missed_count = missed_count + 1,
                    first_missed_at = least(first_missed_at, ?), last_missed_at = greatest(last_missed_at, ?),
                    last_call_id = CASE WHEN ? >= last_missed_at THEN ? ELSE last_call_id END, updated_at = now()
                WHERE id = ?""", missedAt, missedAt, missedAt, callId, callbackId);
    }

    public boolean answeredCallSince(long clientId, Instant since) {
        return db.queryLong("SELECT count(*) FROM calls WHERE client_id = ? AND status = 'answered' AND created_at > ?",
                clientId, since) > 0;
    }

    public void closeByCall(long clientId, long callId, Instant callTime) {
        db.update("UPDATE callbacks SET status = 'done', closed_at = ?, closed_by_call_id = ?, updated_at = now() "
                + "WHERE client_id = ? AND status IN ('open', 'in_progress') AND last_missed_at < ?", callTime, callId, clientId, callTime);
    }

    public void update(long id, String status, String note, Long operatorId, Instant closedAt) {
        db.update("UPDATE callbacks SET status = ?, note = ?, operator_id = ?, closed_at = ?, updated_at = now() WHERE id = ?",
                status, note, operatorId, closedAt, id);
    }

    private static Callback map(ResultSet rs) throws SQLException {
        return new Callback(rs.getLong("id"), rs.getLong("client_id"), rs.getString("client_name"), rs.getString("phone"),
                rs.getString("city_name"), Db.getLong(rs, "city_id"), rs.getString("status"), rs.getInt("missed_count"),
                Db.getInstant(rs, "first_missed_at"), Db.getInstant(rs, "last_missed_at"), Db.getLong(rs, "last_call_id"),
                rs.getString("note"), Db.getLong(rs, "operator_id"), Db.getInstant(rs, "closed_at"),
                Db.getLong(rs, "closed_by_call_id"), Db.getInstant(rs, "created_at"), Db.getInstant(rs, "updated_at"));
    }
}
