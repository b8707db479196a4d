package org.callcentre.crm.demo;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;

/**
 * {@code DELETE /api/demo}: the admin's one action that removes the demo's rows and everything it played. It works with
 * the demo mode off too, for rows an earlier demo run left; with it on, the next start makes a fresh demo.
 */
@Tag(name = "setup")
@Controller("/api/demo")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class DemoController {
    private final DemoRemoval removal;

    DemoController(DemoRemoval removal) {
        this.removal = removal;
    }

    @Delete
    public ApiResponse<DemoRemoval.Removed> remove(Actor actor) {
        return ApiResponse.of(removal.removeAll(actor));
    }
}
