package org.callcentre.crm.apikeys;

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
public class ApiKeyRepository {
    private static final String SELECT = "SELECT k.id, k.name, k.prefix, k.scopes, k.integration_id, k.created_at, k.last_used_at, k.revoked_at";
    private static final String FROM = "FROM api_keys k";

    private final Db db;
    private final PagedQuery pages;

    public ApiKeyRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    /** @param integrationId the replaced key's integration; null starts a new one, numbered as the key */
    public long insert(String name, String prefix, String keyHash, List<String> scopes, Long integrationId, Long createdBy) {
        return db.insert("INSERT INTO api_keys (id, name, prefix, key_hash, scopes, integration_id, created_by) "
                        + "SELECT n.id, ?, ?, ?, ?, coalesce(?, n.id), ? FROM (SELECT nextval('api_keys_id_seq') AS id) n RETURNING id",
                name, prefix, keyHash, scopes, integrationId, createdBy);
    }

    public Optional<ApiKey> findById(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE k.id = ?", ApiKeyRepository::map, id);
    }

    /** The unrevoked key with this hash that may be used for {@code scope}. */
    public Optional<ApiKey> findUsable(String keyHash, String scope) {
        return db.queryOne(SELECT + " " + FROM + " WHERE k.key_hash = ? AND k.revoked_at IS NULL AND ? = ANY (k.scopes)",
                ApiKeyRepository::map, keyHash, scope);
    }

    public Page<ApiKey> list(PageRequest page) {
        return pages.page(SELECT, FROM, new SqlFilter(), "k.created_at DESC, k.id DESC", ApiKeyRepository::map, page);
    }

    /** @return whether this call revoked it (false when it already was) */
    public boolean revoke(long id, Instant at) {
        return db.update("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id) == 1;
    }

    public void markUsed(long id, Instant at) {
        db.update("UPDATE api_keys SET last_used_at = ? WHERE id = ?", at, id);
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"), Db.getTextArray(rs, "scopes"),
                rs.getLong("integration_id"), Db.getInstant(rs, "created_at"),
                Db.getInstant(rs, "last_used_at"), Db.getInstant(rs, "revoked_at"));
    }
}
