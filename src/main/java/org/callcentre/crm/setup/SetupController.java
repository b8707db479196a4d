package org.callcentre.crm.setup;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;

/** {@code GET /api/setup/checklist}: what a new admin has still to do before the centre takes calls. */
@Tag(name = "setup")
@Controller("/api/setup")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class SetupController {
    private final SetupService setup;

    SetupController(SetupService setup) {
        this.setup = setup;
    }

    @Get("/checklist")
    public ApiResponse<SetupChecklist> checklist() {
        return ApiResponse.of(setup.checklist());
    }
}
