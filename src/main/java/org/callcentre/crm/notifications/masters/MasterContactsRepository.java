package org.callcentre.crm.notifications.masters;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

@Singleton
class MasterContactsRepository {
    private final Db db;

    MasterContactsRepository(Db db) {
        this.db = db;
    }

    /** A master's channels; {@code telegramChatId} is null until the master links the bot. */
    record Contacts(long masterId, String masterName, String email, Long telegramChatId, Instant telegramLinkedAt,
                    Long awaitingAmountsOrderId) {
    }

    /** What a job card shows, with the city's zone for the visit time. */
    record Card(long orderId, String status, Long masterId, String clientName, String phone, String address,
                Instant dateMeeting, String equipment, String problem, String city, ZoneId zone, BigDecimal result) {
    }

    Optional<Contacts> contacts(long masterId) {
        return db.queryOne("SELECT m.id AS master_id, m.name, c.email, c.telegram_chat_id, c.telegram_linked_at, "
                + "c.awaiting_amounts_order_id FROM masters m LEFT JOIN master_contacts c ON c.master_id = m.id "
                + "WHERE m.id = ?", MasterContactsRepository::contacts, masterId);
    }

    Optional<Contacts> byChat(long chatId) {
        return db.queryOne("SELECT m.id AS master_id, m.name, c.email, c.telegram_chat_id, c.telegram_linked_at, "
                + "c.awaiting_amounts_order_id FROM master_contacts c JOIN masters m ON m.id = c.master_id "
                + "WHERE c.telegram_chat_id = ?", MasterContactsRepository::contacts, chatId);
    }

    void setEmail(long masterId, String email) {
        db.update("INSERT INTO master_contacts (master_id, email) VALUES (?, ?) "
                + "ON CONFLICT (master_id) DO UPDATE SET email = excluded.email, updated_at = now()", masterId, email);
    }

    void setLinkCode(long masterId, String code, Instant expiresAt) {
        db.update("INSERT INTO master_contacts (master_id, link_code, link_code_expires_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (master_id) DO UPDATE SET link_code = excluded.link_code, "
                + "link_code_expires_at = excluded.link_code_expires_at, updated_at = now()", masterId, code, expiresAt);
    }

    /**
     * Links the chat to the master whose unexpired code this is and spends the code; a chat linked to
     * another master before moves over. Empty when no such code is valid.
     */
    Optional<Long> linkByCode(String code, long chatId, Instant now) {
        Optional<Long> master = db.queryOne("SELECT master_id FROM master_contacts WHERE link_code = ? "
                + "AND link_code_expires_at > ? FOR UPDATE", rs -> rs.getLong(1), code, now);
        master.ifPresent(id -> {
            db.update("UPDATE master_contacts SET telegram_chat_id = NULL, updated_at = now() "
                    + "WHERE telegram_chat_id = ? AND master_id <> ?", chatId, id);
            db.update("UPDATE master_contacts SET telegram_chat_id = ?, telegram_linked_at = ?, link_code = NULL, "
                    + "link_code_expires_at = NULL, updated_at = now() WHERE master_id = ?", chatId, now, id);
        });
        return master;
    }

    void awaitAmounts(long masterId, Long orderId) {
        db.update("UPDATE master_contacts SET awaiting_amounts_order_id = ?, updated_at = now() WHERE master_id = ?",
                orderId, masterId);
    }

    Optional<Card> card(long orderId) {
        return db.queryOne("SELECT o.id, o.status, o.master_id, o.client_name, o.phone, o.address, o.date_meeting, "
                + "o.type_equipment, o.problem, o.result, c.name AS city, c.timezone FROM orders o "
                + "JOIN cities c ON c.id = o.city_id WHERE o.id = ?", rs -> new Card(rs.getLong("id"), rs.getString("status"),
                Db.getLong(rs, "master_id"), rs.getString("client_name"), rs.getString("phone"), rs.getString("address"),
                Db.getInstant(rs, "date_meeting"), rs.getString("type_equipment"), rs.getString("problem"),
                rs.getString("city"), ZoneId.of(rs.getString("timezone")), Db.getDecimal(rs, "result")), orderId);
    }

    /**
     * Records the card the order's master gets now; returns its version when the master, time or
     * address differ from the last card sent (empty when they do not: nothing to send).
     */
    Optional<Integer> dispatch(long orderId, long masterId, String fingerprint) {
        return db.queryOne("INSERT INTO order_dispatches (order_id, master_id, fingerprint) VALUES (?, ?, ?) "
                + "ON CONFLICT (order_id) DO UPDATE SET master_id = excluded.master_id, fingerprint = excluded.fingerprint, "
                + "version = order_dispatches.version + 1, updated_at = now() "
                + "WHERE order_dispatches.fingerprint <> excluded.fingerprint RETURNING version",
                rs -> rs.getInt(1), orderId, masterId, fingerprint);
    }

    /** The master's open orders with a card, newest card first (order_dispatches has few rows per master). */
    List<Long> openOrders(long masterId) {
        return db.query("SELECT d.order_id FROM order_dispatches d JOIN orders o ON o.id = d.order_id "
                + "WHERE d.master_id = ? AND o.master_id = ? AND o.status NOT IN ('completed', 'cancelled') "
                + "ORDER BY d.updated_at DESC, d.order_id DESC", rs -> rs.getLong(1), masterId, masterId);
    }

    private static Contacts contacts(ResultSet rs) throws SQLException {
        return new Contacts(rs.getLong("master_id"), rs.getString("name"), rs.getString("email"),
                Db.getLong(rs, "telegram_chat_id"), Db.getInstant(rs, "telegram_linked_at"),
                Db.getLong(rs, "awaiting_amounts_order_id"));
    }
}
