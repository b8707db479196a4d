package org.callcentre.crm.siplines;

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
public class SipLineRepository implements SipLines {
    private static final String SELECT = "SELECT s.*, c.name AS city_name";
    private static final String FROM = "FROM sip_lines s LEFT JOIN cities c ON c.id = s.city_id";

    private final Db db;
    private final PagedQuery pages;

    public SipLineRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    @Override
    public Optional<SipLine> findById(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE s.id = ?", SipLineRepository::map, id);
    }

    @Override
    public List<SipLine> findEnabled() {
        return db.query(SELECT + " " + FROM + " WHERE s.enabled ORDER BY s.id", SipLineRepository::map);
    }

    public boolean nameTaken(String name, Long exceptId) {
        return db.queryLong("SELECT count(*) FROM sip_lines WHERE name = ? AND id IS DISTINCT FROM ?", name, exceptId) > 0;
    }

    public Page<SipLine> list(PageRequest page) {
        return pages.page(SELECT, FROM, new SqlFilter(), "s.created_at DESC, s.id DESC", SipLineRepository::map, page);
    }

    public long insert(SipLine s) {
        return db.insert("INSERT INTO sip_lines (name, host, port, transport, username, secret_encrypted, city_id, enabled) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                s.name(), s.host(), s.port(), s.transport(), s.username(), s.secretEncrypted(), s.cityId(), s.enabled());
    }

    public void update(SipLine s) {
        db.update("UPDATE sip_lines SET name = ?, host = ?, port = ?, transport = ?, username = ?, secret_encrypted = ?, "
                        + "city_id = ?, enabled = ?, updated_at = now() WHERE id = ?",
                s.name(), s.host(), s.port(), s.transport(), s.username(), s.secretEncrypted(), s.cityId(), s.enabled(), s.id());
    }

    public void delete(long id) {
        db.update("DELETE FROM sip_lines WHERE id = ?", id);
    }

    private static SipLine map(ResultSet rs) throws SQLException {
        return new SipLine(rs.getLong("id"), rs.getString("name"), rs.getString("host"), rs.getInt("port"),
                rs.getString("transport"), rs.getString("username"), rs.getString("secret_encrypted"),
                Db.getLong(rs, "city_id"), rs.getString("city_name"), rs.getBoolean("enabled"),
                Db.getInstant(rs, "created_at"), Db.getInstant(rs, "updated_at"));
    }
}
