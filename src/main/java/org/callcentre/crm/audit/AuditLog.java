package org.callcentre.crm.audit;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.AuditTrail;
import org.callcentre.crm.shared.Db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes who did what, when, from where, in the caller's transaction: a change that rolls back
 * leaves no audit row, and an audit row never describes a change that did not happen.
 */
@Singleton
public class AuditLog implements AuditTrail {
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|apikey|api_key|key_hash|salt).*");
    static final String MASK = "***";

    private final Db db;
    private final ObjectMapper json;

    public AuditLog(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void record(Actor actor, String action, String entity, Object entityId, Map<String, ?> changes) {
        db.update("INSERT INTO audit_log (actor_id, actor_login, ip, action, entity, entity_id, changes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                actor.id(), actor.login(), actor.ip(), action, entity,
                entityId == null ? null : String.valueOf(entityId), new Db.Jsonb(toJson(masked(changes))));
    }

    static Map<String, Object> masked(Map<String, ?> changes) {
        Map<String, Object> out = new LinkedHashMap<>();
        changes.forEach((k, v) -> out.put(k, v != null && SECRET.matcher(k).matches() ? MASK : v));
        return out;
    }

    private String toJson(Map<String, Object> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
