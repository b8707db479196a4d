package org.callcentre.crm.telephony.sip;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;

/** Whether a SIP line answers; probing on demand sends traffic to the PBX, so it is for admins. */
@Tag(name = "sip-lines")
@Controller("/api/sip-lines/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class SipLineStatusController {
    private final SipLineStatusService statuses;
    private final SipLineChecks checks;

    public SipLineStatusController(SipLineStatusService statuses, SipLineChecks checks) {
        this.statuses = statuses;
        this.checks = checks;
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR})
    @Get("/status")
    public ApiResponse<SipLineStatus> status(long id) {
        return ApiResponse.of(statuses.status(id));
    }

    @Post("/probe")
    public ApiResponse<SipLineStatus> probe(long id) {
        return ApiResponse.of(checks.probeNow(id));
    }
}
