package org.callcentre.crm.resultcodes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;

import java.util.List;

/**
 * {@code /api/result-codes/dispositions} and {@code /api/result-codes/cancel-reasons}: every entry
 * in the list's order, retired ones marked (pickers offer the active ones); admins add, rename,
 * reorder, retire and bring back.
 */
@Tag(name = "result codes")
@Controller("/api/result-codes/{list}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class ResultCodeController {
    private final ResultCodes codes;

    ResultCodeController(ResultCodes codes) {
        this.codes = codes;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get
    public ApiResponse<List<ResultCode>> list(String list) {
        return ApiResponse.of(codes.list(list));
    }

    @Post
    @Status(HttpStatus.CREATED)
    public ApiResponse<ResultCode> create(String list, @Nullable @Body ResultCodeRequest body, Actor actor) {
        return ApiResponse.of(codes.create(list, body, actor));
    }

    @Patch("/{id}")
    public ApiResponse<ResultCode> update(String list, long id, @Nullable @Body ResultCodeRequest body, Actor actor) {
        return ApiResponse.of(codes.update(list, id, body, actor));
    }
}
