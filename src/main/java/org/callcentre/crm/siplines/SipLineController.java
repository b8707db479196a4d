package org.callcentre.crm.siplines;

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

/** PBX trunk settings: operators have no business with them, so they cannot even read them. */
@Tag(name = "sip-lines")
@Controller("/api/sip-lines")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class SipLineController {
    private final SipLineService lines;

    public SipLineController(SipLineService lines) {
        this.lines = lines;
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR})
    @Get
    public ApiResponse<List<SipLineView>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit) {
        return ApiResponse.page(lines.list(PageRequest.of(page, limit)));
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR})
    @Get("/{id}")
    public ApiResponse<SipLineView> get(long id) {
        return ApiResponse.of(lines.get(id));
    }

    @Post
    @Status(HttpStatus.CREATED)
    public ApiResponse<SipLineView> create(@Body SipLineRequest body, Actor actor) {
        return ApiResponse.of(lines.create(body, actor));
    }

    @Patch("/{id}")
    public ApiResponse<SipLineView> patch(long id, @Body SipLineRequest body, Actor actor) {
        return ApiResponse.of(lines.update(id, body, actor));
    }

    @Put("/{id}")
    public ApiResponse<SipLineView> put(long id, @Body SipLineRequest body, Actor actor) {
        return ApiResponse.of(lines.update(id, body, actor));
    }

    @Delete("/{id}")
    public ApiResponse<Map<String, Long>> delete(long id, Actor actor) {
        lines.delete(id, actor);
        return ApiResponse.of(Map.of("deleted", id));
    }
}
