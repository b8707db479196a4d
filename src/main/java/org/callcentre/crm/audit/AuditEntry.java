package org.callcentre.crm.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/** One audit_log row; {@code changes} is the stored JSON object as it was written. */
@Serdeable
public record AuditEntry(long id, Instant at, Long actorId, String actorLogin, String ip, String action,
                         String entity, String entityId, Map<String, Object> changes) {
}
