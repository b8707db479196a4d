package org.callcentre.crm.calls;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.ApiResponse;
import org.callcentre.crm.shared.PageRequest;

import java.util.List;

@Tag(name = "calls")
@Controller("/api/calls")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class CallController {
    private final CallService calls;

    public CallController(CallService calls) {
        this.calls = calls;
    }

    /**
     * By page number or, with {@code after} (the {@code next} of the page before), by cursor: as cheap
     * on page 1 000 as on page 2. Only a numbered page is counted (the total, estimated past a cap),
     * and only when asked: {@code count} defaults to true on the first page and false after it.
     * Every page answers the {@code next} cursor while it is full.
     */
    @Get
    public ApiResponse<List<Call>> list(@RequestBean CallListRequest filters, @Nullable @QueryValue Integer page,
                                        @Nullable @QueryValue Integer limit, @Nullable @QueryValue String after,
                                        @Nullable @QueryValue Boolean count, Actor actor) {
        if (after == null || after.isBlank()) {
            PageRequest numbered = PageRequest.of(page, limit);
            return calls.listPage(filters, numbered, count != null ? count : numbered.page() == 1, actor);
        }
        if (page != null) {
            throw ApiException.badField("page", "give either page or after, not both");
        }
        if (Boolean.TRUE.equals(count)) {
            throw ApiException.badField("count", "a page after a cursor is not counted; count the first page");
        }
        return calls.listAfter(filters, after, PageRequest.of(null, limit).limit(), actor);
    }

    @Get("/{id}")
    public ApiResponse<Call> get(long id, Actor actor) {
        return ApiResponse.of(calls.get(id, actor));
    }

    @Patch("/{id}")
    public ApiResponse<Call> annotate(long id, @Body CallAnnotation body, Actor actor) {
        return ApiResponse.of(calls.annotate(id, body, actor));
    }
}
