package org.callcentre.crm.recordings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;

/** Streams a recording; Micronaut's file writer answers {@code Range} requests with 206, so players can seek. */
@Tag(name = "recordings")
@Controller("/api/recordings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class RecordingController {
    private final RecordingAccess access;

    public RecordingController(RecordingAccess access) {
        this.access = access;
    }

    @Get("/{id}")
    public SystemFile stream(String id, @Nullable @Header("Range") String range, Actor actor) {
        RecordingAccess.Opened opened = access.open(id, range, actor);
        return new SystemFile(opened.file().toFile(), MediaType.of(opened.contentType()));
    }
}
