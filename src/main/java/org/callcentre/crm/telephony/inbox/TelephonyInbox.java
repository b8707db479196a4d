package org.callcentre.crm.telephony.inbox;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.util.Collection;
import java.util.List;

/** Raw vendor events kept durably before they are acknowledged, then applied by {@link InboxWorker}. */
@Singleton
public class TelephonyInbox {
    private final Db db;

    public TelephonyInbox(Db db) {
        this.db = db;
    }

    public record Entry(long id, String source, String eventType, String payload, int attempts) {
    }

    /**
     * Stores webhooks in one statement (inside the caller's transaction).
     *
     * @return their ids, in the order given: the rows are inserted in that order, so their ids rise with it
     */
    List<Long> storeAll(List<Received> webhooks) {
        List<Long> ids = db.query("""
                        INSERT INTO telephony_inbox (source, event_type, payload)
                        SELECT u.source, u.event_type, u.payload
                        FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) WITH ORDINALITY
                             AS u(source, event_type, payload, n)
                        ORDER BY u.n
                        RETURNING id""", rs -> rs.getLong(1),
                webhooks.stream().map(Received::source).toList(), webhooks.stream().map(Received::eventType).toList(),
                webhooks.stream().map(Received::payload).toList());
        return ids.stream().sorted().toList();
    }

    /** These entries if still pending, locked for this transaction (the ones another worker holds are skipped). */
    List<Entry> claim(Collection<Long> ids, int maxAttempts) {
        return db.query("SELECT id, source, event_type, payload, attempts FROM telephony_inbox "
                        + "WHERE id = ANY(CAST(? AS bigint[])) AND processed_at IS NULL AND attempts < ? ORDER BY id FOR UPDATE SKIP LOCKED",
                rs -> new Entry(rs.getLong("id"), rs.getString("source"), rs.getString("event_type"),
                        rs.getString("payload"), rs.getInt("attempts")), ids, maxAttempts);
    }

    /** The oldest pending entries, locked for this transaction so that two workers never share one. */
    public List<Entry> claim(int max, int maxAttempts) {
        return db.query("SELECT id, source, event_type, payload, attempts FROM telephony_inbox "
                        + "WHERE processed_at IS NULL AND attempts < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> new Entry(rs.getLong("id"), rs.getString("source"), rs.getString("event_type"),
                        rs.getString("payload"), rs.getInt("attempts")), maxAttempts, max);
    }

    public void markProcessed(long id, String error) {
        db.update("UPDATE telephony_inbox SET processed_at = now(), attempts = attempts + 1, last_error = ? WHERE id = ?", error, id);
    }

    /** The entries applied by one batch, in one statement. */
    public void markProcessed(Collection<Long> ids) {
        db.update("UPDATE telephony_inbox SET processed_at = now(), attempts = attempts + 1, last_error = NULL "
                + "WHERE id = ANY(CAST(? AS bigint[]))", ids);
    }

    public void markFailed(long id, String error) {
        db.update("UPDATE telephony_inbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", error, id);
    }

    public long pending() {
        return db.queryLong("SELECT count(*) FROM telephony_inbox WHERE processed_at IS NULL");
    }
}
