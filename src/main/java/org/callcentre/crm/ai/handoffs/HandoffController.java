package org.callcentre.crm.ai.handoffs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;

import java.util.List;

/** The hand-offs supervisors review: grouped by what they ask, and one added as a variant of an entry. */
@Tag(name = "ai")
@Controller("/api/ai/handoffs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR})
public class HandoffController {
    private final HandoffReview review;

    HandoffController(HandoffReview review) {
        this.review = review;
    }

    /** Open hand-offs grouped by similarity, largest group first (city, dateFrom, dateTo: yyyy-MM-dd, all optional). */
    @Get("/groups")
    public ApiResponse<List<HandoffGroup>> groups(@Nullable @QueryValue String city, @Nullable @QueryValue String dateFrom,
                                                  @Nullable @QueryValue String dateTo, Actor actor) {
        return ApiResponse.of(review.groups(city, dateFrom, dateTo, actor));
    }

    /** {@code {"entryId", "question"?}}: the hand-off's question becomes a variant of the entry and leaves the list. */
    @Post("/{answerId}/variant")
    public ApiResponse<VariantAdded> addVariant(long answerId, @Body VariantRequest body, Actor actor) {
        return ApiResponse.of(review.addVariant(answerId, body, actor));
    }
}
