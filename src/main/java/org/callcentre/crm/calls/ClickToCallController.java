package org.callcentre.crm.calls;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;

import java.util.Map;

/** Click-to-call: 202 once the PBX has taken the call; the call itself then arrives like any other. */
@Tag(name = "calls")
@Controller("/api/calls/originate")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.SUPERVISOR, Role.OPERATOR})
public class ClickToCallController {
    private final ClickToCallService clickToCall;

    public ClickToCallController(ClickToCallService clickToCall) {
        this.clickToCall = clickToCall;
    }

    @Post
    @Status(HttpStatus.ACCEPTED)
    public ApiResponse<Map<String, String>> originate(@Body OriginateRequest body, Actor actor) {
        clickToCall.originate(actor, body.phone());
        return ApiResponse.of(Map.of("status", "originating"));
    }
}
