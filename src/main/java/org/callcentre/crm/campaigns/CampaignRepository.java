package org.callcentre.crm.campaigns;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.SqlFilter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

@Singleton
public class CampaignRepository {
    private static final String SELECT = "SELECT k.*, c.name AS city_name";
    private static final String FROM = "FROM campaigns k JOIN cities c ON c.id = k.city_id";

    private final Db db;
    private final PagedQuery pages;

    public CampaignRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    public Optional<Campaign> findById(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE k.id = ?", CampaignRepository::map, id);
    }

    public boolean rkTaken(String rk, Long exceptId) {
        return db.queryLong("SELECT count(*) FROM campaigns WHERE rk = ? AND id IS DISTINCT FROM ?", rk, exceptId) > 0;
    }

    public boolean phoneAtsTaken(String phoneAts, Long exceptId) {
        return db.queryLong("SELECT count(*) FROM campaigns WHERE phone_ats = ? AND id IS DISTINCT FROM ?", phoneAts, exceptId) > 0;
    }

    /** @param cityScope the only city the reader may see, null for all */
    public Page<Campaign> list(Long cityId, String source, Long cityScope, PageRequest page) {
        SqlFilter filter = new SqlFilter()
                .when(cityId, "k.city_id = ?")
                .when(cityScope, "k.city_id = ?")
                .when(source, "k.source = ?");
        return pages.page(SELECT, FROM, filter, "k.created_at DESC, k.id DESC", CampaignRepository::map, page);
    }

    public long insert(String rk, long cityId, String phoneAts, String source) {
        return db.insert("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES (?, ?, ?, ?) RETURNING id",
                rk, cityId, phoneAts, source);
    }

    public void update(Campaign k) {
        db.update("UPDATE campaigns SET rk = ?, city_id = ?, phone_ats = ?, source = ?, updated_at = now() WHERE id = ?",
                k.rk(), k.cityId(), k.phoneAts(), k.source(), k.id());
    }

    public void delete(long id) {
        db.update("DELETE FROM campaigns WHERE id = ?", id);
    }

    private static Campaign map(ResultSet rs) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("rk"), rs.getLong("city_id"), rs.getString("city_name"),
                rs.getString("phone_ats"), rs.getString("source"),
                Db.getInstant(rs, "created_at"), Db.getInstant(rs, "updated_at"));
    }
}
