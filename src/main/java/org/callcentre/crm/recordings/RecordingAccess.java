package org.callcentre.crm.recordings;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.shared.ApiException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Who may hear a recording: whoever may see its call. Every opening, allowed or refused, is audited. */
@Singleton
public class RecordingAccess {
    private final RecordingRepository recordings;
    private final RecordingStore store;
    private final AuditLog audit;

    public RecordingAccess(RecordingRepository recordings, RecordingStore store, AuditLog audit) {
        this.recordings = recordings;
        this.store = store;
        this.audit = audit;
    }

    public record Opened(Path file, String contentType) {
    }

    /** The refusal is written to the audit log in its own transaction, so that it stays when the request fails. */
    @Transactional(noRollbackFor = ApiException.class)
    public Opened open(String id, String range, Actor actor) {
        UUID uuid = parse(id);
        Recording recording = recordings.find(uuid).orElseThrow(() -> ApiException.notFound("Recording " + id));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("callId", recording.callId());
        details.put("range", range);
        Long scope = actor.cityScope();
        if (scope != null && !Objects.equals(scope, recording.callCityId())) {
            details.put("allowed", false);
            audit.record(actor, "listen", "recording", uuid, details);
            throw ApiException.forbidden("This recording belongs to a call you may not see");
        }
        Path file = store.path(recording.fileName());
        if (!Files.isReadable(file)) {
            throw ApiException.notFound("Recording file " + id);
        }
        details.put("allowed", true);
        audit.record(actor, "listen", "recording", uuid, details);
        return new Opened(file, recording.contentType());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("id", "not a recording id");
        }
    }
}
