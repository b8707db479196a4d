package org.callcentre.crm.presence;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;

import java.util.List;

/** The wallboard: every operator's live state. Changes are pushed on {@code /ws/supervisor}. */
@Tag(name = "operators")
@Controller("/api/operators/live")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR})
public class PresenceController {
    private final Presence presence;

    public PresenceController(Presence presence) {
        this.presence = presence;
    }

    @Get
    public ApiResponse<List<OperatorPresence>> live() {
        return ApiResponse.of(presence.all());
    }
}
