package org.callcentre.crm.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.shared.ApiResponse;

@Tag(name = "clients")
@Controller("/api/clients/{id}/timeline")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TimelineController {
    private final TimelineService timeline;

    public TimelineController(TimelineService timeline) {
        this.timeline = timeline;
    }

    /**
     * A client's calls, chats, orders, call-backs and notes, newest first. {@code before} is the
     * {@code next} of the previous page; without it the page starts at the newest entry.
     */
    @Get
    public ApiResponse<TimelinePage> page(long id, @Nullable @QueryValue String before, @Nullable @QueryValue Integer limit,
                                   Actor actor) {
        return ApiResponse.of(timeline.page(id, before, limit, actor));
    }
}
