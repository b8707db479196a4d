package org.callcentre.crm.operators;

import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Role;
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
public class OperatorRepository {
    private static final String SELECT = "SELECT o.*, c.name AS city_name";
    private static final String FROM = "FROM operators o LEFT JOIN cities c ON c.id = o.city_id";

    private final Db db;
    private final PagedQuery pages;

    public OperatorRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    public Optional<Operator> findById(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE o.id = ?", OperatorRepository::map, id);
    }

    public Optional<Operator> findByLogin(String login) {
        return db.queryOne(SELECT + " " + FROM + " WHERE o.login = ?", OperatorRepository::map, login);
    }

    public boolean loginTaken(String login, Long exceptId) {
        return db.queryLong("SELECT count(*) FROM operators WHERE login = ? AND id IS DISTINCT FROM ?", login, exceptId) > 0;
    }

    public boolean sipAddressTaken(String sipAddress, Long exceptId) {
        return db.queryLong("SELECT count(*) FROM operators WHERE sip_address = ? AND id IS DISTINCT FROM ?", sipAddress, exceptId) > 0;
    }

    public long count() {
        return db.queryLong("SELECT count(*) FROM operators");
    }

    public Page<Operator> list(String role, Long cityId, String status, String query, PageRequest page) {
        SqlFilter filter = new SqlFilter()
                .when(role, "o.role = ?")
                .when(cityId, "o.city_id = ?")
                .when(status, "o.status = ?");
        if (query != null) {
            String like = "%" + query.toLowerCase() + "%";
            filter.always("(lower(o.name) LIKE ? OR lower(o.login) LIKE ? OR o.sip_address = ?)", like, like, query);
        }
        return pages.page(SELECT, FROM, filter, "o.id DESC", OperatorRepository::map, page);
    }

    public long insert(String login, String passwordHash, String name, Role role, Long cityId, String status,
                       String statusWork, String sipAddress) {
        return db.insert("INSERT INTO operators (login, password_hash, name, role, city_id, status, status_work, sip_address) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                login, passwordHash, name, role.name(), cityId, status, statusWork, sipAddress);
    }

    public void update(Operator o) {
        db.update("UPDATE operators SET login = ?, password_hash = ?, name = ?, role = ?, city_id = ?, status = ?, "
                        + "status_work = ?, sip_address = ?, updated_at = now() WHERE id = ?",
                o.login(), o.passwordHash(), o.name(), o.role().name(), o.cityId(), o.status(), o.statusWork(),
                o.sipAddress(), o.id());
    }

    public boolean isReferenced(long id) {
        return db.queryLong("SELECT (SELECT count(*) FROM (SELECT 1 FROM calls WHERE operator_id = ? LIMIT 1) a) "
                + "+ (SELECT count(*) FROM (SELECT 1 FROM orders WHERE operator_id = ? LIMIT 1) b)", id, id) > 0;
    }

    public void delete(long id) {
        db.update("DELETE FROM operators WHERE id = ?", id);
    }

    /** Closes the open status period and opens the next one, so time in each status adds up. */
    public void recordWorkStatus(long operatorId, String statusWork, Instant at) {
        db.update("UPDATE operator_status_history SET ended_at = greatest(started_at, ?) WHERE operator_id = ? AND ended_at IS NULL",
                at, operatorId);
        db.update("INSERT INTO operator_status_history (operator_id, status_work, started_at) VALUES (?, ?, ?)",
                operatorId, statusWork, at);
    }

    private static Operator map(ResultSet rs) throws SQLException {
        return new Operator(rs.getLong("id"), rs.getString("login"), rs.getString("password_hash"), rs.getString("name"),
                Role.valueOf(rs.getString("role")), Db.getLong(rs, "city_id"), rs.getString("city_name"),
                rs.getString("status"), rs.getString("status_work"), rs.getString("sip_address"),
                Db.getInstant(rs, "created_at"), Db.getInstant(rs, "updated_at"));
    }
}
