package org.callcentre.crm.masters;

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
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;
import org.callcentre.crm.shared.PageRequest;

import java.util.List;
import java.util.Map;

@Tag(name = "masters")
@Controller("/api/masters")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class MasterController {
    private final MasterService masters;

    public MasterController(MasterService masters) {
        this.masters = masters;
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
    @Get
    public ApiResponse<List<Master>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit,
                                          @Nullable @QueryValue String city, @Nullable @QueryValue String status,
                                          @Nullable @QueryValue String q, Actor actor) {
        return ApiResponse.page(masters.list(city, status, q, actor, PageRequest.of(page, limit)));
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
    @Get("/{id}")
    public ApiResponse<Master> get(long id, Actor actor) {
        return ApiResponse.of(masters.get(id, actor));
    }

    @Post
    @Status(HttpStatus.CREATED)
    public ApiResponse<Master> create(@Body MasterRequest body, Actor actor) {
        return ApiResponse.of(masters.create(body, actor));
    }

    @Patch("/{id}")
    public ApiResponse<Master> patch(long id, @Body MasterRequest body, Actor actor) {
        return ApiResponse.of(masters.update(id, body, actor));
    }

    @Put("/{id}")
    public ApiResponse<Master> put(long id, @Body MasterRequest body, Actor actor) {
        return ApiResponse.of(masters.update(id, body, actor));
    }

    @Delete("/{id}")
    public ApiResponse<Map<String, Long>> delete(long id, Actor actor) {
        masters.delete(id, actor);
        return ApiResponse.of(Map.of("deleted", id));
    }
}
