package org.callcentre.crm.notifications;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.SqlFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
class OutboxRepository {
    private final Db db;
    private final PagedQuery pages;
    private final ObjectMapper json;

    OutboxRepository(Db db, PagedQuery pages, ObjectMapper json) {
        this.db = db;
        this.pages = pages;
        this.json = json;
    }

    /** Empty when a notification with the same dedupe key exists. */
    Optional<Long> insert(NewNotification n, Instant due) {
        return db.queryOne("INSERT INTO notifications (channel, purpose, recipient, subject, body, buttons, order_id, "
                        + "dedupe_key, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
                rs -> rs.getLong(1), n.channel(), n.purpose(), n.recipient(), n.subject(), n.body(),
                n.buttons() == null || n.buttons().isEmpty() ? null : new Db.Jsonb(write(n.buttons())), n.orderId(),
                n.dedupeKey(), due);
    }

    /**
     * Takes up to {@code limit} due notifications: pending ones whose time has come, and sending ones
     * whose worker's lease ran out (it died mid-send). Each is marked sending until {@code leaseUntil}
     * and its attempt counted before anything is sent; another worker skips the locked rows.
     * Uses notifications_due_idx.
     */
    List<Notification> claimDue(Instant now, Instant leaseUntil, int limit) {
        return db.query("UPDATE notifications SET state = 'sending', due_at = ?, attempts = attempts + 1 "
                        + "WHERE id IN (SELECT id FROM notifications WHERE state IN ('pending', 'sending') AND due_at <= ? "
                        + "ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING *",
                this::map, leaseUntil, now, limit);
    }

    /** Only a row still in this worker's hands is marked: a row an admin cancelled stays as it is. */
    void markSent(long id, String externalId, Instant at) {
        db.update("UPDATE notifications SET state = 'sent', external_id = ?, sent_at = ?, due_at = NULL, last_error = NULL "
                + "WHERE id = ? AND state = 'sending'", externalId, at, id);
    }

    /** @param retryAt null when no try is left: the row is failed for good */
    void markFailed(long id, String error, Instant retryAt) {
        db.update("UPDATE notifications SET state = ?, last_error = ?, due_at = ? WHERE id = ? AND state = 'sending'",
                retryAt == null ? NotificationState.failed : NotificationState.pending, error, retryAt, id);
    }

    /** Uses notifications_order_idx. */
    int cancelPending(long orderId, String purpose) {
        return db.update("UPDATE notifications SET state = 'cancelled', due_at = NULL "
                + "WHERE order_id = ? AND purpose = ? AND state = 'pending'", orderId, purpose);
    }

    /** Gives a failed notification another round of attempts. */
    boolean retry(long id, Instant now) {
        return db.update("UPDATE notifications SET state = 'pending', attempts = 0, due_at = ? WHERE id = ? AND state = 'failed'",
                now, id) > 0;
    }

    Optional<Notification> find(long id) {
        return db.queryOne("SELECT * FROM notifications WHERE id = ?", this::map, id);
    }

    /** Newest first; uses notifications_created_idx, notifications_state_created_idx or notifications_order_idx. */
    Page<Notification> list(NotificationState state, NotificationChannel channel, Long orderId, PageRequest page) {
        SqlFilter filter = new SqlFilter().when(state, "state = ?").when(channel, "channel = ?").when(orderId, "order_id = ?");
        return pages.page("SELECT *", "FROM notifications", filter, "created_at DESC, id DESC", this::map, page);
    }

    private Notification map(ResultSet rs) throws SQLException {
        String buttons = rs.getString("buttons");
        return new Notification(rs.getLong("id"), NotificationChannel.valueOf(rs.getString("channel")), rs.getString("purpose"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                buttons == null ? List.of() : read(buttons), Db.getLong(rs, "order_id"),
                NotificationState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
                Db.getInstant(rs, "due_at"), rs.getString("external_id"), Db.getInstant(rs, "sent_at"),
                Db.getInstant(rs, "created_at"));
    }

    private String write(List<List<Button>> buttons) {
        try {
            return json.writeValueAsString(buttons);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<List<Button>> read(String buttons) {
        try {
            return json.readValue(buttons, Argument.listOf(Argument.listOf(Button.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("notifications.buttons is not a keyboard", e);
        }
    }
}
