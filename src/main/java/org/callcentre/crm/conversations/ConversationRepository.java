package org.callcentre.crm.conversations;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.SqlFilter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
public class ConversationRepository {
    private static final String SELECT = "SELECT v.*, c.name AS city_name, o.name AS assignee_name";
    private static final String FROM = "FROM conversations v LEFT JOIN cities c ON c.id = v.city_id "
            + "LEFT JOIN operators o ON o.id = v.assignee_id";

    private final Db db;
    private final PagedQuery pages;

    public ConversationRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    /** The conversation of a chat, created on its first message; the flag says whether this call created it. */
    public record Upserted(long id, boolean created) {
    }

    public Upserted upsert(IncomingMessage m) {
        return db.queryOne("INSERT INTO conversations (account_id, external_chat_id, city_id, rk, item_id, last_message_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, external_chat_id) "
                        + "DO UPDATE SET last_message_at = greatest(conversations.last_message_at, excluded.last_message_at), "
                        + "updated_at = now() RETURNING id, (xmax = 0) AS created",
                rs -> new Upserted(rs.getLong(1), rs.getBoolean(2)),
                m.accountId(), m.externalChatId(), m.cityId(), m.rk(), m.itemId(), m.sentAt()).orElseThrow();
    }

    public Page<Conversation> list(String status, Long cityId, PageRequest page) {
        SqlFilter filter = new SqlFilter().when(status, "v.status = ?").when(cityId, "v.city_id = ?");
        String order = Conversation.QUEUED.equals(status) ? "v.queued_at, v.id" : "v.last_message_at DESC, v.id DESC";
        return pages.page(SELECT, FROM, filter, order, ConversationRepository::conversation, page);
    }

    public Optional<Conversation> find(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE v.id = ?", ConversationRepository::conversation, id);
    }

    public List<Message> messages(long conversationId) {
        return db.query("SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at, id",
                ConversationRepository::message, conversationId);
    }

    public Optional<Message> message(long id) {
        return db.queryOne("SELECT * FROM messages WHERE id = ?", ConversationRepository::message, id);
    }

    /** Stores a client message once; empty when this external id was stored before. */
    public Optional<Long> insertClientMessage(long conversationId, IncomingMessage message) {
        return db.queryOne("INSERT INTO messages (conversation_id, sender, text, image_url, external_id, delivery_status, created_at) "
                        + "VALUES (?, 'client', ?, ?, ?, 'received', ?) "
                        + "ON CONFLICT (conversation_id, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id",
                rs -> rs.getLong(1), conversationId, message.text(), message.imageUrl(), message.externalMessageId(),
                message.sentAt());
    }

    /** The marketplace's address of the picture a message of this conversation carries. */
    public Optional<String> imageUrl(long conversationId, long messageId) {
        return db.queryOne("SELECT image_url FROM messages WHERE id = ? AND conversation_id = ? AND image_url IS NOT NULL",
                rs -> rs.getString(1), messageId, conversationId);
    }

    public long insertOutgoing(long conversationId, String sender, Long operatorId, String text) {
        return db.insert("INSERT INTO messages (conversation_id, sender, operator_id, text, delivery_status) "
                + "VALUES (?, ?, ?, ?, 'pending') RETURNING id", conversationId, sender, operatorId, text);
    }

    public void touch(long conversationId) {
        db.update("UPDATE conversations SET last_message_at = greatest(last_message_at, now()), updated_at = now() WHERE id = ?",
                conversationId);
    }

    public void markSent(long messageId, String externalId) {
        db.update("UPDATE messages SET delivery_status = 'sent', external_id = ?, attempts = attempts + 1, sent_at = now(), "
                + "next_attempt_at = NULL, last_error = NULL WHERE id = ?", externalId, messageId);
    }

    public void markFailed(long messageId, String error, Instant nextAttempt) {
        db.update("UPDATE messages SET delivery_status = 'failed', attempts = attempts + 1, last_error = ?, "
                + "next_attempt_at = ? WHERE id = ?", error, nextAttempt, messageId);
    }

    /**
     * Takes up to {@code limit} failed messages whose retry is due, pushing their next attempt past
     * {@code leaseUntil} so that another node polling at the same moment does not send them too.
     */
    public List<Long> claimDueRetries(Instant now, Instant leaseUntil, int limit) {
        return db.query("UPDATE messages SET next_attempt_at = ? WHERE id IN (SELECT id FROM messages "
                        + "WHERE delivery_status = 'failed' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? "
                        + "FOR UPDATE SKIP LOCKED) RETURNING id",
                rs -> rs.getLong(1), leaseUntil, now, limit);
    }

    public void queue(long conversationId, String reason) {
        db.update("UPDATE conversations SET status = 'queued', queue_reason = ?, queued_at = coalesce(queued_at, now()), "
                + "updated_at = now() WHERE id = ?", reason, conversationId);
    }

    /**
     * Makes the operator the owner unless another one owns the chat; the row lock makes two takes at
     * once end with one owner. False when someone else has it (or it is closed).
     */
    public boolean take(long conversationId, long operatorId) {
        return db.update("UPDATE conversations SET assignee_id = ?, assigned_at = now(), updated_at = now() "
                + "WHERE id = ? AND status <> 'closed' AND (assignee_id IS NULL OR assignee_id = ?)",
                operatorId, conversationId, operatorId) > 0;
    }

    /** A supervisor's assignment: the chat changes hands whoever had it. */
    public void assign(long conversationId, long operatorId) {
        db.update("UPDATE conversations SET assignee_id = ?, assigned_at = now(), updated_at = now() WHERE id = ?",
                operatorId, conversationId);
    }

    /**
     * Takes the owner off each open chat whose owner has been out of 'working' since before
     * {@code awaySince} and queues it again; returns the chats. Uses conversations_assignee_idx and
     * the open period of operator_status_history.
     */
    public List<Long> releaseAwayOwners(Instant awaySince, String reason) {
        return db.query("UPDATE conversations v SET assignee_id = NULL, assigned_at = NULL, status = 'queued', "
                + "queue_reason = ?, queued_at = coalesce(v.queued_at, now()), updated_at = now() "
                + "FROM operator_status_history h WHERE v.assignee_id IS NOT NULL AND v.status <> 'closed' "
                + "AND h.operator_id = v.assignee_id AND h.ended_at IS NULL AND h.status_work <> 'working' "
                + "AND h.started_at < ? RETURNING v.id", rs -> rs.getLong(1), reason, awaySince);
    }

    /**
     * A new SLA episode: the chat was handed to people at {@code at}; earlier clocks and breaches are
     * over on the chat row, and the episode gets a round of its own, which keeps them for the statistics.
     */
    public void startSla(long conversationId, Instant at, Instant firstResponseDue, Instant resolutionDue) {
        db.update("UPDATE conversations SET waiting_since = ?, first_response_due = ?, resolution_due = ?, first_response_at = NULL, "
                + "resolved_at = NULL, first_response_breached = false, resolution_breached = false WHERE id = ?",
                at, firstResponseDue, resolutionDue, conversationId);
        db.update("INSERT INTO chat_rounds (conversation_id, city_id, started_at, first_response_due, resolution_due) "
                + "SELECT id, city_id, waiting_since, first_response_due, resolution_due FROM conversations WHERE id = ? "
                + "ON CONFLICT (conversation_id, started_at) DO NOTHING", conversationId);
    }

    /**
     * The first operator reply of the running episode stops its first-response clock, and the round
     * counts under that operator; later replies change nothing.
     */
    public void stopFirstResponseClock(long conversationId, Instant at, Long operatorId) {
        int stopped = db.update("UPDATE conversations SET first_response_at = ?, "
                + "first_response_breached = first_response_breached OR coalesce(first_response_due < ?, false) "
                + "WHERE id = ? AND waiting_since IS NOT NULL AND resolved_at IS NULL AND first_response_at IS NULL",
                at, at, conversationId);
        if (stopped > 0) {
            copyClocksToRounds(List.of(conversationId), operatorId);
        }
    }

    /**
     * Closing ends the episode: both clocks stop, and a deadline already passed counts as missed (no
     * deadline: never missed). A round nobody answered counts under the chat's owner.
     */
    public void stopResolutionClock(long conversationId, Instant at) {
        db.update("UPDATE conversations SET resolved_at = ?, resolution_breached = resolution_breached OR coalesce(resolution_due < ?, false), "
                + "first_response_breached = first_response_breached OR coalesce(first_response_at IS NULL AND first_response_due < ?, false) "
                + "WHERE id = ? AND waiting_since IS NOT NULL AND resolved_at IS NULL",
                at, at, at, conversationId);
        copyClocksToRounds(List.of(conversationId), null);
    }

    /**
     * Marks, once, every running first-response and resolution deadline that passed before {@code now}
     * and returns the chats; two nodes marking at once mark each chat once (the row lock, then the
     * re-checked condition). Reads conversations_first_response_due_idx and conversations_resolution_due_idx.
     */
    public List<Long> markBreaches(Instant now) {
        List<Long> firstResponse = db.query("UPDATE conversations SET first_response_breached = true, updated_at = now() "
                + "WHERE first_response_at IS NULL AND NOT first_response_breached AND first_response_due < ? "
                + "AND resolved_at IS NULL RETURNING id", rs -> rs.getLong(1), now);
        List<Long> resolution = db.query("UPDATE conversations SET resolution_breached = true, updated_at = now() "
                + "WHERE resolved_at IS NULL AND NOT resolution_breached AND resolution_due < ? RETURNING id",
                rs -> rs.getLong(1), now);
        List<Long> marked = java.util.stream.Stream.concat(firstResponse.stream(), resolution.stream()).distinct().sorted().toList();
        if (!marked.isEmpty()) {
            copyClocksToRounds(marked, null);
        }
        return marked;
    }

    /**
     * The chats' current episodes, as their rows now have them, into their rounds (one statement for
     * all, by the round's key). A round without an operator gets {@code responder}, or once closed the
     * chat's owner.
     */
    private void copyClocksToRounds(List<Long> conversationIds, Long responder) {
        db.update("UPDATE chat_rounds r SET first_response_at = v.first_response_at, first_response_breached = v.first_response_breached, "
                + "resolved_at = v.resolved_at, resolution_breached = v.resolution_breached, "
                + "operator_id = coalesce(r.operator_id, CAST(? AS bigint), CASE WHEN v.resolved_at IS NOT NULL THEN v.assignee_id END) "
                + "FROM conversations v WHERE v.id = ANY (CAST(? AS bigint[])) "
                + "AND r.conversation_id = v.id AND r.started_at = v.waiting_since", responder, conversationIds);
    }

    /** Who should hear of a chat's changes at once: the users of its city and its owner. */
    public List<Long> audience(long conversationId) {
        return db.query("SELECT o.id FROM conversations v JOIN operators o ON o.city_id = v.city_id OR o.id = v.assignee_id "
                + "WHERE v.id = ?", rs -> rs.getLong(1), conversationId);
    }

    public void reopen(long conversationId) {
        db.update("UPDATE conversations SET status = 'open', queue_reason = NULL, queued_at = NULL, updated_at = now() "
                + "WHERE id = ?", conversationId);
    }

    public void close(long conversationId) {
        db.update("UPDATE conversations SET status = 'closed', updated_at = now() WHERE id = ?", conversationId);
    }

    public void linkClient(long conversationId, String phone, long clientId) {
        db.update("UPDATE conversations SET client_phone = ?, client_id = ?, updated_at = now() WHERE id = ?",
                phone, clientId, conversationId);
    }

    public void setAdTitle(long conversationId, String title) {
        db.update("UPDATE conversations SET ad_title = ?, updated_at = now() WHERE id = ?", title, conversationId);
    }

    public void linkOrder(long conversationId, long orderId) {
        db.update("UPDATE conversations SET order_id = ?, updated_at = now() WHERE id = ?", orderId, conversationId);
    }

    /** The last client message of each open conversation that has waited since before {@code before} with nothing after it. */
    public List<long[]> unansweredSince(Instant before, int limit) {
        return db.query("SELECT v.id, m.id FROM conversations v "
                        + "JOIN LATERAL (SELECT id, sender, created_at FROM messages WHERE conversation_id = v.id "
                        + "ORDER BY created_at DESC, id DESC LIMIT 1) m ON true "
                        + "WHERE v.status = 'open' AND m.sender = 'client' AND m.created_at < ? "
                        + "AND NOT EXISTS (SELECT 1 FROM ai_answers a WHERE a.message_id = m.id) "
                        + "ORDER BY v.last_message_at DESC, v.id DESC LIMIT ?",
                rs -> new long[]{rs.getLong(1), rs.getLong(2)}, before, limit);
    }

    private static Conversation conversation(ResultSet rs) throws SQLException {
        return new Conversation(rs.getLong("id"), rs.getString("channel"), rs.getLong("account_id"),
                rs.getString("external_chat_id"), Db.getLong(rs, "city_id"), rs.getString("city_name"), rs.getString("rk"),
                rs.getString("item_id"), rs.getString("ad_title"), rs.getString("client_phone"), Db.getLong(rs, "client_id"),
                Db.getLong(rs, "order_id"), rs.getString("status"), rs.getString("queue_reason"),
                Db.getInstant(rs, "queued_at"), Db.getInstant(rs, "last_message_at"), Db.getInstant(rs, "created_at"),
                Db.getLong(rs, "assignee_id"), rs.getString("assignee_name"), Db.getInstant(rs, "assigned_at"),
                new ChatSla(Db.getInstant(rs, "waiting_since"), Db.getInstant(rs, "first_response_due"), Db.getInstant(rs, "first_response_at"),
                        rs.getBoolean("first_response_breached"), Db.getInstant(rs, "resolution_due"), Db.getInstant(rs, "resolved_at"),
                        rs.getBoolean("resolution_breached")));
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("sender"),
                Db.getLong(rs, "operator_id"), rs.getString("text"), rs.getString("external_id"),
                rs.getString("delivery_status"), rs.getInt("attempts"), Db.getInstant(rs, "next_attempt_at"),
                rs.getString("last_error"), Db.getInstant(rs, "sent_at"), Db.getInstant(rs, "created_at"),
                rs.getString("image_url") != null);
    }
}
