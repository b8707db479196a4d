package org.callcentre.crm.orders;

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
public class OrderRepository {
    private static final String SELECT = "SELECT o.*, c.name AS city_name, r.name AS cancel_reason";
    private static final String FROM = "FROM orders o JOIN cities c ON c.id = o.city_id LEFT JOIN result_codes r ON r.id = o.cancel_reason_id";
    private static final String NEWEST_FIRST = "o.created_at DESC, o.id DESC";

    private final Db db;
    private final PagedQuery pages;

    public OrderRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    /** Filters of the order list; null means any. */
    public record Filter(Long cityScope, Long cityId, String status, Long operatorId, String phone,
                         Instant createdFrom, Instant createdBefore) {
    }

    public Optional<Order> findById(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE o.id = ?", OrderRepository::map, id);
    }

    /** Locks the row so that two concurrent status changes cannot both start from the same status. */
    public Optional<Order> findForUpdate(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE o.id = ? FOR UPDATE OF o", OrderRepository::map, id);
    }

    public Optional<Order> findByExternalId(ExternalId externalId) {
        return db.queryOne(SELECT + " " + FROM + " WHERE o.external_source = ? AND o.external_id = ?", OrderRepository::map,
                externalId.source(), externalId.id());
    }

    public Page<Order> list(Filter f, PageRequest page) {
        return pages.page(SELECT, FROM, where(f), NEWEST_FIRST, OrderRepository::map, page);
    }

    /** The WHERE clause of {@link #list} over {@code orders o}. */
    public SqlFilter where(Filter f) {
        return new SqlFilter()
                .when(f.cityScope(), "o.city_id = ?")
                .when(f.cityId(), "o.city_id = ?")
                .when(f.status(), "o.status = ?")
                .when(f.operatorId(), "o.operator_id = ?")
                .when(f.phone(), "o.phone = ?")
                .when(f.createdFrom(), "o.created_at >= ?")
                .when(f.createdBefore(), "o.created_at < ?");
    }

    /** @param cityScope null for every city */
    public List<Order> forClient(long clientId, Long cityScope) {
        SqlFilter filter = new SqlFilter().always("o.client_id = ?", clientId).when(cityScope, "o.city_id = ?");
        return db.query(SELECT + " " + FROM + filter.where() + " ORDER BY " + NEWEST_FIRST, OrderRepository::map, filter.params());
    }

    /**
     * Inserts a {@code new} order unless one with this external id (in its source's namespace) exists. A concurrent insert of
     * the same external id waits here for the other transaction and then inserts nothing.
     *
     * @return the new id, or empty when the external id was taken
     */
    public Optional<Long> insert(OrderFields f, ExternalId externalId) {
        return db.queryOne("INSERT INTO orders (rk, city_id, phone, type_order, client_name, address, date_meeting, "
                        + "type_equipment, problem, operator_id, master_id, result, expenditure, clean, external_source, external_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (external_source, external_id) DO NOTHING "
                        + "RETURNING id",
                rs -> rs.getLong(1),
                f.rk(), f.cityId(), f.phone(), f.typeOrder(), f.clientName(), f.address(), f.dateMeeting(),
                f.typeEquipment(), f.problem(), f.operatorId(), f.masterId(), f.result(), f.expenditure(), f.clean(),
                externalId == null ? null : externalId.source(), externalId == null ? null : externalId.id());
    }

    public void update(long id, OrderFields f, String status, Long clientId, Instant closedAt, Long cancelReasonId) {
        db.update("UPDATE orders SET rk = ?, city_id = ?, phone = ?, type_order = ?, client_name = ?, address = ?, "
                        + "date_meeting = ?, type_equipment = ?, problem = ?, operator_id = ?, master_id = ?, result = ?, "
                        + "expenditure = ?, clean = ?, status = ?, client_id = ?, closed_at = ?, cancel_reason_id = ?, "
                        + "updated_at = now() WHERE id = ?",
                f.rk(), f.cityId(), f.phone(), f.typeOrder(), f.clientName(), f.address(), f.dateMeeting(),
                f.typeEquipment(), f.problem(), f.operatorId(), f.masterId(), f.result(), f.expenditure(), f.clean(),
                status, clientId, closedAt, cancelReasonId, id);
    }

    public void linkClient(long id, long clientId) {
        db.update("UPDATE orders SET client_id = ? WHERE id = ?", clientId, id);
    }

    public boolean masterExists(long id) {
        return db.queryLong("SELECT count(*) FROM masters WHERE id = ?", id) > 0;
    }

    private static Order map(ResultSet rs) throws SQLException {
        OrderFields fields = new OrderFields(rs.getString("rk"), rs.getLong("city_id"), rs.getString("phone"),
                rs.getString("type_order"), rs.getString("client_name"), rs.getString("address"),
                Db.getInstant(rs, "date_meeting"), rs.getString("type_equipment"), rs.getString("problem"),
                Db.getLong(rs, "operator_id"), Db.getLong(rs, "master_id"), Db.getDecimal(rs, "result"),
                Db.getDecimal(rs, "expenditure"), Db.getDecimal(rs, "clean"));
        return new Order(rs.getLong("id"), fields, rs.getString("city_name"), Db.getLong(rs, "client_id"),
                rs.getString("status"), Db.getLong(rs, "call_id"), Db.getInstant(rs, "created_at"),
                Db.getInstant(rs, "updated_at"), Db.getInstant(rs, "closed_at"), Db.getLong(rs, "cancel_reason_id"),
                rs.getString("cancel_reason"));
    }
}
