package org.callcentre.crm.clients;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.SqlFilter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
public class ClientRepository {
    private static final String SELECT = "SELECT c.*, ci.name AS city_name, "
            + "ARRAY(SELECT p.phone FROM client_phones p WHERE p.client_id = c.id ORDER BY p.id) AS phones";
    private static final String FROM = "FROM clients c LEFT JOIN cities ci ON ci.id = c.city_id";
    private static final int LAST_CALLS = 10;

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
     * @param query  a name fragment, or phone digits matched anywhere in a number
     * @param cityScope an operator's city: only its clients and those of no city; null for all
     */
    public Page<Client> list(String phone, String query, Long cityScope, PageRequest page) {
        SqlFilter filter = new SqlFilter()
                .when(phone, "EXISTS (SELECT 1 FROM client_phones p WHERE p.client_id = c.id AND p.phone = ?)")
                .when(cityScope, "(c.city_id = ? OR c.city_id IS NULL)");
        if (query != null) {
            String digits = query.replaceAll("[^0-9]", "");
            // Fewer than three digits would match nearly every number and bury the name matches.
            if (digits.length() >= 3) {
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
                        rs.getString("status"), Db.getLong(rs, "operator_id"), rs.getInt("talk_seconds")),
                clientId, cityScope, cityScope);
    }

    /** A LIKE pattern matching the text anywhere, with the text's own wildcards taken literally. */
    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Client map(ResultSet rs) throws SQLException {
        return new Client(rs.getLong("id"), rs.getString("name"), Db.getLong(rs, "city_id"), rs.getString("city_name"),
                Db.getTextArray(rs, "phones"), Db.getTextArray(rs, "tags"),
                Db.getInstant(rs, "created_at"), Db.getInstant(rs, "updated_at"));
    }

    private static ClientNote mapNote(ResultSet rs) throws SQLException {
        return new ClientNote(rs.getLong("id"), rs.getString("text"), Db.getLong(rs, "operator_id"),
                rs.getString("login"), Db.getInstant(rs, "created_at"));
    }
}
