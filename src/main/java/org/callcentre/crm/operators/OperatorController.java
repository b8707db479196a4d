package org.callcentre.crm.operators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;
import org.callcentre.crm.shared.PageRequest;

import java.util.List;
import java.util.Map;

@Tag(name = "operators")
@Controller("/api/operators")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class OperatorController {
    private final OperatorService operators;

    public OperatorController(OperatorService operators) {
        this.operators = operators;
    }

    @Serdeable
    public record WorkStatusRequest(String statusWork) {
    }

    @Serdeable
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR})
    @Get
    public ApiResponse<List<OperatorView>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit,
                                                @Nullable @QueryValue String role, @Nullable @QueryValue String city,
                                                @Nullable @QueryValue String status, @Nullable @QueryValue String q) {
        return ApiResponse.page(operators.list(role, city, status, q, PageRequest.of(page, limit)));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/me")
    public ApiResponse<OperatorView> me(Actor actor) {
        return ApiResponse.of(operators.get(actor.id()));
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR})
    @Get("/{id}")
    public ApiResponse<OperatorView> get(long id) {
        return ApiResponse.of(operators.get(id));
    }

    @Post
    @Status(HttpStatus.CREATED)
    public ApiResponse<OperatorView> create(@Body OperatorRequest body, Actor actor) {
        return ApiResponse.of(operators.create(body, actor));
    }

    @Patch("/{id}")
    public ApiResponse<OperatorView> patch(long id, @Body OperatorRequest body, Actor actor) {
        return ApiResponse.of(operators.update(id, body, actor));
    }

    @Put("/{id}")
    public ApiResponse<OperatorView> put(long id, @Body OperatorRequest body, Actor actor) {
        return ApiResponse.of(operators.update(id, body, actor));
    }

    @Delete("/{id}")
    public ApiResponse<Map<String, Long>> delete(long id, Actor actor) {
        operators.delete(id, actor);
        return ApiResponse.of(Map.of("deleted", id));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Put("/me/status")
    public ApiResponse<OperatorView> workStatus(@Body WorkStatusRequest body, Actor actor) {
        return ApiResponse.of(operators.setOwnWorkStatus(actor, body.statusWork()));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Put("/me/password")
    public ApiResponse<Map<String, Boolean>> password(@Body PasswordChange body, Actor actor) {
        operators.changeOwnPassword(actor, body.currentPassword(), body.newPassword());
        return ApiResponse.of(Map.of("changed", true));
    }

}
