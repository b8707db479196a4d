package org.callcentre.crm.clients;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.PhoneNumbers;
import org.callcentre.crm.shared.SqlFilter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.Optional;

@Singleton
public class ClientRepository {
    // the last contact reads the newest entry of calls_client_created_idx and the client's few chats
    private static final String SELECT = "SELECT c.*, ci.name AS city_name, "
            + "ARRAY(SELECT p.phone FROM client_phones p WHERE p.client_id = c.id ORDER BY p.id) AS phones, "
            + "GREATEST((SELECT max(x.created_at) FROM calls x WHERE x.client_id = c.id), "
            + "(SELECT max(v.last_message_at) FROM conversations v WHERE v.client_id = c.id)) AS last_contact_at";
    private static final String FROM = "FROM clients c LEFT JOIN cities ci ON ci.id = c.city_id";
    private static final int LAST_CALLS = 10;
    /** Orders and call-backs cannot be without a number; an erased one is this non-existent one. */
    static final String ERASED_PHONE = "+70000000000";

    private final Db db;
    private final PagedQuery pages;

    public ClientRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    public Optional<Client> findById(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE c.id = ?", ClientRepository::map, id);
    }

    public Optional<Long> idByPhone(String e164) {
        return db.queryOne("SELECT client_id FROM client_phones WHERE phone = ?", rs -> rs.getLong(1), e164);
    }

    /**
     * @param phone  an E.164 number matched exactly
     * @param query  a name fragment, or phone digits matched anywhere in a number; a whole number in
     *               any format ({@code 8 (912) 345-67-89}) also finds its E.164 form
     * @param tag    a tag the client carries, exactly
     * @param cityScope an operator's city: only its clients and those of no city; null for all
     */
    public Page<Client> list(String phone, String query, String tag, Long cityScope, PageRequest page) {
        SqlFilter filter = new SqlFilter()
                .when(phone, "EXISTS (SELECT 1 FROM client_phones p WHERE p.client_id = c.id AND p.phone = ?)")
                .when(tag == null ? null : List.of(tag), "c.tags @> ?")
                .when(cityScope, "(c.city_id = ? OR c.city_id IS NULL)");
        if (query != null) {
            String digits = query.replaceAll("[^0-9]", "");
            Optional<String> wholeNumber = digits.length() >= 10 ? PhoneNumbers.normalize(query) : Optional.empty();
            if (wholeNumber.isPresent()) {
                filter.always("(lower(c.name) LIKE ? OR EXISTS (SELECT 1 FROM client_phones p WHERE p.client_id = c.id AND (p.phone = ? OR p.phone LIKE ?)))",
                        like(query.toLowerCase()), wholeNumber.get(), like(digits));
            } else if (digits.length() >= 3) {
                // Fewer than three digits would match nearly every number and bury the name matches.
                filter.always("(lower(c.name) LIKE ? OR EXISTS (SELECT 1 FROM client_phones p WHERE p.client_id = c.id AND p.phone LIKE ?))",
                        like(query.toLowerCase()), like(digits));
            } else {
                filter.always("lower(c.name) LIKE ?", like(query.toLowerCase()));
            }
        }
        return pages.page(SELECT, FROM, filter, "c.created_at DESC, c.id DESC", ClientRepository::map, page);
    }

    public long insert(String name, Long cityId) {
        return db.insert("INSERT INTO clients (name, city_id) VALUES (?, ?) RETURNING id", name, cityId);
    }

    public void update(long id, String name, Long cityId, List<String> tags) {
        db.update("UPDATE clients SET name = ?, city_id = ?, tags = ?, updated_at = now() WHERE id = ?", name, cityId, tags, id);
    }

    public void setFlags(long id, boolean vip, boolean doNotServe) {
        db.update("UPDATE clients SET vip = ?, do_not_serve = ?, updated_at = now() WHERE id = ?", vip, doNotServe, id);
    }

    /** Locks both rows in id order, so that two merges of the same pair wait for each other instead of deadlocking. */
    public void lockPair(long first, long second) {
        db.query("SELECT id FROM clients WHERE id IN (?, ?) ORDER BY id FOR UPDATE", rs -> rs.getLong(1), first, second);
    }

    /**
     * Moves everything of {@code duplicate} to {@code survivor}. Each client keeps at most one open
     * missed-call call-back: the duplicate's is cancelled when the survivor already has one.
     */
    public void moveEverything(long duplicate, long survivor) {
        db.update("""
                UPDATE tasks SET status = 'cancelled', done_at = now(), updated_at = now()
                 WHERE client_id = ? AND status = 'open' AND missed
                   AND EXISTS (SELECT 1 FROM tasks k WHERE k.client_id = ? AND k.status = 'open' AND k.missed)""",
                duplicate, survivor);
        for (String table : List.of("client_phones", "client_notes", "calls", "orders", "conversations", "tasks")) {
            db.update("UPDATE " + table + " SET client_id = ? WHERE client_id = ?", survivor, duplicate);
        }
    }

    /**
     * Erases what identifies the client (152-ФЗ): name, tags, phones, notes, the number and address
     * on calls, orders and chats, the client's own chat messages, and the transcripts and order drafts
     * of their calls. Calls, orders and chats stay
     * as counted facts of the statistics, tied to a client with no name.
     */
    public void anonymise(long id) {
        db.update("UPDATE clients SET name = NULL, tags = '{}', vip = false, do_not_serve = false, "
                + "anonymised_at = now(), updated_at = now() WHERE id = ?", id);
        db.update("DELETE FROM client_phones WHERE client_id = ?", id);
        db.update("DELETE FROM client_notes WHERE client_id = ?", id);
        db.update("DELETE FROM transcripts WHERE call_id IN (SELECT x.id FROM calls x WHERE x.client_id = ?)", id);
        db.update("DELETE FROM call_drafts WHERE call_id IN (SELECT x.id FROM calls x WHERE x.client_id = ?)", id);
        db.update("UPDATE calls SET client_phone = NULL, note = NULL WHERE client_id = ?", id);
        db.update("UPDATE orders SET client_name = NULL, address = NULL, phone = ? WHERE client_id = ?", ERASED_PHONE, id);
        db.update("UPDATE tasks SET phone = NULL, note = NULL WHERE client_id = ?", id);
        db.update("UPDATE messages SET text = '' WHERE sender = 'client' "
                + "AND conversation_id IN (SELECT v.id FROM conversations v WHERE v.client_id = ?)", id);
        db.update("UPDATE conversations SET client_phone = NULL WHERE client_id = ?", id);
    }

    public void delete(long id) {
        db.update("DELETE FROM clients WHERE id = ?", id);
    }

    /**
     * Gives the phone to the client unless some client already has it; the unique index decides
     * between concurrent claims.
     *
     * @return whether the phone now belongs to {@code clientId}
     */
    public boolean claimPhone(long clientId, String e164) {
        db.update("INSERT INTO client_phones (client_id, phone) VALUES (?, ?) ON CONFLICT (phone) DO NOTHING", clientId, e164);
        return idByPhone(e164).filter(owner -> owner == clientId).isPresent();
    }

    /** The owner of a phone, with the owner's city. */
    public record PhoneOwner(long clientId, Long cityId) {
    }

    /** The owners of these phones, by phone; one statement (the {@code client_phones} unique index). */
    public Map<String, PhoneOwner> ownersOf(Collection<String> phones) {
        Map<String, PhoneOwner> owners = new HashMap<>();
        db.query("SELECT cp.phone, cp.client_id, c.city_id FROM client_phones cp JOIN clients c ON c.id = cp.client_id "
                        + "WHERE cp.phone = ANY (?::text[])",
                rs -> owners.put(rs.getString(1), new PhoneOwner(rs.getLong(2), Db.getLong(rs, "city_id"))), phones);
        return owners;
    }

    /** Gives each client of {@code cityByClient} that has no city the one given, locked in id order. @return the clients changed */
    public List<Long> fillBlankCities(SortedMap<Long, Long> cityByClient) {
        return db.query("""
                        WITH u AS (SELECT id::bigint AS id, city::bigint AS city FROM unnest(?::text[], ?::text[]) AS u(id, city)),
                             locked AS (SELECT c.id FROM clients c JOIN u ON u.id = c.id WHERE c.city_id IS NULL ORDER BY c.id FOR UPDATE OF c)
                        UPDATE clients c SET city_id = u.city, updated_at = now() FROM u, locked
                        WHERE c.id = u.id AND locked.id = u.id RETURNING c.id""",
                rs -> rs.getLong(1), cityByClient.keySet(), cityByClient.values());
    }

    /**
     * New clients without a name, each claiming one phone, in one statement (ids drawn first, so
     * that each new client is known with its phone). A phone that a concurrent transaction claimed
     * first is not claimed: its client is returned in {@code lost}, for the caller to delete.
     *
     * @param cityByPhone phones in sorted order (the unique index is locked in that order)
     */
    public NewClients insertClaiming(SortedMap<String, Long> cityByPhone) {
        Map<String, Long> claimed = new HashMap<>();
        Map<String, Long> lost = new HashMap<>();
        db.query("""
                        WITH wanted AS MATERIALIZED (
                            SELECT u.phone, u.city::bigint AS city_id, nextval(pg_get_serial_sequence('clients', 'id')) AS id
                            FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS u(phone, city, n) ORDER BY u.n),
                        made AS (INSERT INTO clients (id, city_id) SELECT id, city_id FROM wanted RETURNING id),
                        claimed AS (INSERT INTO client_phones (client_id, phone)
                                    SELECT w.id, w.phone FROM wanted w WHERE w.id IN (SELECT id FROM made) ORDER BY w.phone
                                    ON CONFLICT (phone) DO NOTHING RETURNING phone)
                        SELECT w.phone, w.id, w.phone IN (SELECT phone FROM claimed) AS won FROM wanted w""",
                rs -> (rs.getBoolean(3) ? claimed : lost).put(rs.getString(1), rs.getLong(2)),
                cityByPhone.keySet(), cityByPhone.values());
        return new NewClients(claimed, lost);
    }

    /** @param claimed phone → the new client that has it; @param lost phone → a new client that lost it to another transaction */
    public record NewClients(Map<String, Long> claimed, Map<String, Long> lost) {
    }

    public void removePhonesExcept(long clientId, List<String> kept) {
        db.update("DELETE FROM client_phones WHERE client_id = ? AND NOT (phone = ANY (?))", clientId, kept);
    }

    public List<ClientNote> notes(long clientId) {
        return db.query("SELECT n.id, n.text, n.operator_id, o.login, n.created_at FROM client_notes n "
                        + "LEFT JOIN operators o ON o.id = n.operator_id WHERE n.client_id = ? ORDER BY n.created_at DESC, n.id DESC",
                ClientRepository::mapNote, clientId);
    }

    public long insertNote(long clientId, Long operatorId, String text) {
        return db.insert("INSERT INTO client_notes (client_id, operator_id, text) VALUES (?, ?, ?) RETURNING id",
                clientId, operatorId, text);
    }

    public Optional<ClientNote> note(long clientId, long id) {
        return db.queryOne("SELECT n.id, n.text, n.operator_id, o.login, n.created_at FROM client_notes n "
                + "LEFT JOIN operators o ON o.id = n.operator_id WHERE n.id = ? AND n.client_id = ?", ClientRepository::mapNote, id, clientId);
    }

    public void updateNote(long id, String text) {
        db.update("UPDATE client_notes SET text = ? WHERE id = ?", text, id);
    }

    public ClientNote note(long id) {
        return db.queryOne("SELECT n.id, n.text, n.operator_id, o.login, n.created_at FROM client_notes n "
                        + "LEFT JOIN operators o ON o.id = n.operator_id WHERE n.id = ?", ClientRepository::mapNote, id)
                .orElseThrow(() -> new IllegalStateException("Note " + id + " vanished"));
    }

    /** @param cityScope an operator's city: only its calls, as in the call list; null for all */
    public List<ClientCall> lastCalls(long clientId, Long cityScope) {
        return db.query("SELECT id, created_at, direction, status, operator_id, talk_seconds FROM calls "
                        + "WHERE client_id = ? AND (?::bigint IS NULL OR city_id = ?) ORDER BY created_at DESC, id DESC LIMIT " + LAST_CALLS,
                rs -> new ClientCall(rs.getLong("id"), Db.getInstant(rs, "created_at"), rs.getString("direction"),
                        rs.getString("status"), Db.getLong(rs, "operator_id"), Db.getInt(rs, "talk_seconds")),
                clientId, cityScope, cityScope);
    }

    /** A LIKE pattern matching the text anywhere, with the text's own wildcards taken literally. */
    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Client map(ResultSet rs) throws SQLException {
        return new Client(rs.getLong("id"), rs.getString("name"), Db.getLong(rs, "city_id"), rs.getString("city_name"),
                Db.getTextArray(rs, "phones"), Db.getTextArray(rs, "tags"), rs.getBoolean("vip"), rs.getBoolean("do_not_serve"),
                Db.getInstant(rs, "anonymised_at"), Db.getInstant(rs, "last_contact_at"),
                Db.getInstant(rs, "created_at"), Db.getInstant(rs, "updated_at"));
    }

    private static ClientNote mapNote(ResultSet rs) throws SQLException {
        return new ClientNote(rs.getLong("id"), rs.getString("text"), Db.getLong(rs, "operator_id"),
                rs.getString("login"), Db.getInstant(rs, "created_at"));
    }
}
