package org.callcentre.crm.auth;

import java.util.Map;

/**
 * Who did what, written in the caller's transaction. Declared here, beside {@link Actor}, so that
 * signing in can be audited without this package depending on the audit feature that writes it.
 */
public interface AuditTrail {
    void record(Actor actor, String action, String entity, Object entityId, Map<String, ?> changes);

    default void record(Actor actor, String action, String entity, Object entityId) {
        record(actor, action, entity, entityId, Map.of());
    }
}
