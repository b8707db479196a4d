package org.callcentre.crm.leads.avito;

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
public class AvitoAccountRepository {
    private static final String SELECT = "SELECT a.*, c.name AS city_name";
    private static final String FROM = "FROM avito_accounts a JOIN cities c ON c.id = a.city_id";

    private final Db db;
    private final PagedQuery pages;

    public AvitoAccountRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    public Page<AvitoAccount> list(PageRequest page) {
        return pages.page(SELECT, FROM, new SqlFilter(), "a.created_at DESC, a.id DESC", AvitoAccountRepository::map, page);
    }

    public List<AvitoAccount> enabled() {
        return db.query(SELECT + " " + FROM + " WHERE a.enabled ORDER BY a.id", AvitoAccountRepository::map);
    }

    public Optional<AvitoAccount> find(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE a.id = ?", AvitoAccountRepository::map, id);
    }

    public Optional<AvitoAccount> byWebhookSecretHash(String hash) {
        return db.queryOne(SELECT + " " + FROM + " WHERE a.webhook_secret_hash = ?", AvitoAccountRepository::map, hash);
    }

    public boolean taken(String name, long avitoUserId, Long exceptId) {
        return db.queryLong("SELECT count(*) FROM avito_accounts WHERE (name = ? OR avito_user_id = ?) AND id IS DISTINCT FROM ?",
                name, avitoUserId, exceptId) > 0;
    }

    public long insert(String name, long cityId, String rk, long avitoUserId, String clientId, String secretEncrypted,
                       String webhookSecretHash, boolean enabled) {
        return db.insert("INSERT INTO avito_accounts (name, city_id, rk, avito_user_id, client_id, client_secret_encrypted, "
                        + "webhook_secret_hash, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                name, cityId, rk, avitoUserId, clientId, secretEncrypted, webhookSecretHash, enabled);
    }

    public void update(AvitoAccount a) {
        db.update("UPDATE avito_accounts SET name = ?, city_id = ?, rk = ?, avito_user_id = ?, client_id = ?, "
                        + "client_secret_encrypted = ?, enabled = ?, updated_at = now() WHERE id = ?",
                a.name(), a.cityId(), a.rk(), a.avitoUserId(), a.clientId(), a.clientSecretEncrypted(), a.enabled(), a.id());
    }

    public void setWebhookSecretHash(long id, String hash) {
        db.update("UPDATE avito_accounts SET webhook_secret_hash = ?, updated_at = now() WHERE id = ?", hash, id);
    }

    public boolean inUse(long id) {
        return db.queryLong("SELECT count(*) FROM conversations WHERE account_id = ?", id) > 0;
    }

    public void delete(long id) {
        db.update("DELETE FROM avito_accounts WHERE id = ?", id);
    }

    private static AvitoAccount map(ResultSet rs) throws SQLException {
        return new AvitoAccount(rs.getLong("id"), rs.getString("name"), rs.getLong("city_id"), rs.getString("city_name"),
                rs.getString("rk"), rs.getLong("avito_user_id"), rs.getString("client_id"),
                rs.getString("client_secret_encrypted"), rs.getBoolean("enabled"), Db.getInstant(rs, "created_at"),
                Db.getInstant(rs, "updated_at"));
    }
}
