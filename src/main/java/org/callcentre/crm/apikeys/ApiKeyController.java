package org.callcentre.crm.apikeys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
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

@Tag(name = "api-keys")
@Controller("/api/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class ApiKeyController {
    private final ApiKeyService keys;

    public ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @Serdeable
    public record CreateRequest(String name, @Nullable Object scopes, @Nullable Object replaces) {
    }

    @Post
    @Status(HttpStatus.CREATED)
    public ApiResponse<IssuedApiKey> create(@Body CreateRequest body, Actor actor) {
        return ApiResponse.of(keys.create(body.name(), body.scopes(), body.replaces(), actor));
    }

    @Get
    public ApiResponse<List<ApiKey>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit) {
        return ApiResponse.page(keys.list(PageRequest.of(page, limit)));
    }

    /** Revokes the key; the row stays so that the audit log and lastUsedAt keep their meaning. */
    @Delete("/{id}")
    public ApiResponse<ApiKey> revoke(long id, Actor actor) {
        return ApiResponse.of(keys.revoke(id, actor));
    }
}
