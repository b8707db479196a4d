package org.callcentre.crm.tasks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
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

/**
 * Tasks and scheduled call-backs. Operators: their own and their city's unassigned ones;
 * supervisors and admins: every city's, filtered by {@code city}.
 */
@Tag(name = "tasks")
@Controller("/api/tasks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class TaskController {
    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * Soonest due first. {@code status}: open (default), done, cancelled or all; {@code assignee}:
     * me, city (unassigned) or an operator's id; {@code overdue=true}: open ones past due.
     */
    @Get
    public ApiResponse<List<Task>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit,
                                        @Nullable @QueryValue String status, @Nullable @QueryValue String assignee,
                                        @Nullable @QueryValue String priority, @Nullable @QueryValue Boolean overdue,
                                        @Nullable @QueryValue String city, Actor actor) {
        return ApiResponse.page(tasks.list(status, assignee, priority, overdue, city, PageRequest.of(page, limit), actor));
    }

    @Get("/counts")
    public ApiResponse<TaskCounts> counts(@Nullable @QueryValue String city, Actor actor) {
        return ApiResponse.of(tasks.counts(city, actor));
    }

    /** Reminders that fired while the user's browser was not connected; the browser asks on connecting. */
    @Get("/reminders")
    public ApiResponse<List<Task>> reminders(Actor actor) {
        return ApiResponse.of(tasks.unseenReminders(actor));
    }

    @Post
    @Status(HttpStatus.CREATED)
    public ApiResponse<Task> create(@Nullable @Body TaskRequest body, Actor actor) {
        return ApiResponse.of(tasks.create(body, actor));
    }

    @Patch("/{id}")
    public ApiResponse<Task> update(long id, @Nullable @Body TaskRequest body, Actor actor) {
        return ApiResponse.of(tasks.update(id, body, actor));
    }

    /** The browser showed the reminder: it is not offered again at the next connect. */
    @Post("/{id}/seen")
    public HttpResponse<Void> seen(long id, Actor actor) {
        tasks.seen(id, actor);
        return HttpResponse.noContent();
    }
}
