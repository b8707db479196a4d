package org.callcentre.crm.masters;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.SqlFilter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;

@Singleton
public class MasterRepository {
    private static final String SELECT = "SELECT m.*, ARRAY(SELECT c.name FROM master_cities mc JOIN cities c ON c.id = mc.city_id "
            + "WHERE mc.master_id = m.id ORDER BY c.name) AS city_names";
    private static final String FROM = "FROM masters m";
    private static final String SERVES_CITY = "EXISTS (SELECT 1 FROM master_cities mc WHERE mc.master_id = m.id AND mc.city_id = ?)";

    private final Db db;
    private final PagedQuery pages;

    public MasterRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    /** @param cityScope when not null, a master who does not serve that city is not found */
    public Optional<Master> findById(long id, Long cityScope) {
        SqlFilter filter = new SqlFilter().always("m.id = ?", id).when(cityScope, SERVES_CITY);
        return db.queryOne(SELECT + " " + FROM + filter.where(), MasterRepository::map, filter.params());
    }

    public boolean phoneTaken(String phone, Long exceptId) {
        return db.queryLong("SELECT count(*) FROM masters WHERE phone = ? AND id IS DISTINCT FROM ?", phone, exceptId) > 0;
    }

    /** @param cityScope the only city whose masters the reader may see, null for all */
    public Page<Master> list(Long cityId, String status, String query, Long cityScope, PageRequest page) {
        SqlFilter filter = new SqlFilter()
                .when(cityId, SERVES_CITY)
                .when(cityScope, SERVES_CITY)
                .when(status, "m.status = ?")
                .when(query == null ? null : "%" + query.toLowerCase() + "%", "lower(m.name) LIKE ?");
        return pages.page(SELECT, FROM, filter, "m.created_at DESC, m.id DESC", MasterRepository::map, page);
    }

    public long insert(String name, String phone, String status, String note) {
        return db.insert("INSERT INTO masters (name, phone, status, note) VALUES (?, ?, ?, ?) RETURNING id",
                name, phone, status, note);
    }

    public void update(long id, String name, String phone, String status, String note) {
        db.update("UPDATE masters SET name = ?, phone = ?, status = ?, note = ?, updated_at = now() WHERE id = ?",
                name, phone, status, note, id);
    }

    public void replaceCities(long masterId, Collection<Long> cityIds) {
        db.update("DELETE FROM master_cities WHERE master_id = ?", masterId);
        db.update("INSERT INTO master_cities (master_id, city_id) SELECT ?, unnest(?::bigint[])", masterId, cityIds);
    }

    public boolean hasOrders(long id) {
        return db.queryLong("SELECT count(*) FROM (SELECT 1 FROM orders WHERE master_id = ? LIMIT 1) o", id) > 0;
    }

    public void delete(long id) {
        db.update("DELETE FROM masters WHERE id = ?", id);
    }

    private static Master map(ResultSet rs) throws SQLException {
        return new Master(rs.getLong("id"), rs.getString("name"), rs.getString("phone"), Db.getTextArray(rs, "city_names"),
                rs.getString("status"), rs.getString("note"), Db.getInstant(rs, "created_at"), Db.getInstant(rs, "updated_at"));
    }
}
