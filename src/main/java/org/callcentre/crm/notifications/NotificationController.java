package org.callcentre.crm.notifications;

import io.micronaut.core.annotation.Nullable;
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
import org.callcentre.crm.shared.PageRequest;

import java.util.List;

/**
 * The notification log. Admins and supervisors read all of it and retry failed ones; anyone who may
 * see an order reads that order's notifications ({@code ?orderId=}).
 */
@Tag(name = "notifications")
@Controller("/api/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class NotificationController {
    private final NotificationLog log;

    public NotificationController(NotificationLog log) {
        this.log = log;
    }

    @Get
    public ApiResponse<List<Notification>> list(@Nullable @QueryValue String state, @Nullable @QueryValue String channel,
                                                @Nullable @QueryValue Long orderId, @Nullable @QueryValue Integer page,
                                                @Nullable @QueryValue Integer limit, Actor actor) {
        return ApiResponse.page(log.list(state, channel, orderId, PageRequest.of(page, limit), actor));
    }

    @Post("/{id}/retry")
    @Secured({Role.ADMIN, Role.SUPERVISOR})
    public ApiResponse<Notification> retry(long id, Actor actor) {
        return ApiResponse.of(log.retry(id, actor));
    }
}
