package org.callcentre.crm.audit;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.DateRange;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.SqlFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** Reads the audit log; {@link AuditLog} writes it. */
@Singleton
public class AuditRepository {
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private final PagedQuery pages;
    private final ObjectMapper json;

    public AuditRepository(PagedQuery pages, ObjectMapper json) {
        this.pages = pages;
        this.json = json;
    }

    /** Filters match audit_log_actor_at_idx and audit_log_entity_at_idx. */
    public Page<AuditEntry> list(String actorLogin, String entity, DateRange dates, PageRequest page) {
        SqlFilter filter = new SqlFilter()
                .when(actorLogin, "a.actor_login = ?")
                .when(entity, "a.entity = ?")
                .when(dates.from(), "a.at >= ?")
                .when(dates.toExclusive(), "a.at < ?");
        return pages.page("SELECT a.*", "FROM audit_log a", filter, "a.at DESC, a.id DESC", this::map, page);
    }

    private AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), Db.getInstant(rs, "at"), Db.getLong(rs, "actor_id"),
                rs.getString("actor_login"), rs.getString("ip"), rs.getString("action"), rs.getString("entity"),
                rs.getString("entity_id"), changes(rs.getString("changes")));
    }

    private Map<String, Object> changes(String text) {
        try {
            return json.readValue(text, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
