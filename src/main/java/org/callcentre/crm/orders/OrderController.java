package org.callcentre.crm.orders;

import io.micronaut.core.annotation.Nullable;
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

/** Operators work with the orders of their own city; supervisors and admins manage all of them. */
@Tag(name = "orders")
@Controller("/api/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class OrderController {
    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    @Get
    public ApiResponse<List<OrderView>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit,
                                             @Nullable @QueryValue String status, @Nullable @QueryValue String city,
                                             @Nullable @QueryValue Long operatorId, @Nullable @QueryValue String phone,
                                             @Nullable @QueryValue String dateFrom, @Nullable @QueryValue String dateTo,
                                             Actor actor) {
        return ApiResponse.page(orders.list(status, city, operatorId, phone, dateFrom, dateTo, PageRequest.of(page, limit), actor));
    }

    @Get("/{id}")
    public ApiResponse<OrderView> get(long id, Actor actor) {
        return ApiResponse.of(orders.get(id, actor));
    }

    @Post
    @Status(HttpStatus.CREATED)
    public ApiResponse<OrderView> create(@Body OrderRequest body, Actor actor) {
        return ApiResponse.of(orders.create(body, actor));
    }

    @Patch("/{id}")
    public ApiResponse<OrderView> patch(long id, @Body OrderRequest body, Actor actor) {
        return ApiResponse.of(orders.update(id, body, actor));
    }
}
