package org.callcentre.crm.callbacks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;
import org.callcentre.crm.shared.PageRequest;

import java.util.List;

/** The missed-call call-back list: operators see their own city's, supervisors and admins all. */
@Tag(name = "callbacks")
@Controller("/api/callbacks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class CallbackController {
    private final CallbackService callbacks;

    public CallbackController(CallbackService callbacks) {
        this.callbacks = callbacks;
    }

    @Serdeable
    public record CallbackUpdate(String status, String note) {
    }

    @Get
    public ApiResponse<List<Callback>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit,
                                            @Nullable @QueryValue String city, @Nullable @QueryValue String status,
                                            Actor actor) {
        return ApiResponse.page(callbacks.list(city, status, PageRequest.of(page, limit), actor));
    }

    @Patch("/{id}")
    public ApiResponse<Callback> update(long id, @Body CallbackUpdate body, Actor actor) {
        return ApiResponse.of(callbacks.update(id, body.status(), body.note(), actor));
    }
}
