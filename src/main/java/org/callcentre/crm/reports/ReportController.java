package org.callcentre.crm.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.calls.CallListRequest;

/**
 * Downloads of the call, order and operator lists and the chat figures as CSV, XLSX or PDF
 * ({@code ?format=csv|xlsx|pdf}, CSV by default; {@code sep=semicolon} for CSV), with the filters
 * and city scoping of the matching list.
 */
@Tag(name = "reports")
@Controller("/api/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class ReportController {
    private final CallsReport calls;
    private final OrdersReport orders;
    private final OperatorsReport operators;
    private final ChatsReport chats;
    private final ReportExports exports;

    ReportController(CallsReport calls, OrdersReport orders, OperatorsReport operators, ChatsReport chats, ReportExports exports) {
        this.chats = chats;
        this.calls = calls;
        this.orders = orders;
        this.operators = operators;
        this.exports = exports;
    }

    @Get("/calls")
    public StreamedFile calls(@RequestBean CallListRequest filters, @Nullable @QueryValue String format,
                              @Nullable @QueryValue String sep, Actor actor) {
        ExportOptions options = ExportOptions.parse(format, sep);
        return exports.download(calls.build(filters, actor), options, actor);
    }

    @Get("/orders")
    public StreamedFile orders(@Nullable @QueryValue String status, @Nullable @QueryValue String city,
                               @Nullable @QueryValue Long operatorId, @Nullable @QueryValue String phone,
                               @Nullable @QueryValue String dateFrom, @Nullable @QueryValue String dateTo,
                               @Nullable @QueryValue String format, @Nullable @QueryValue String sep, Actor actor) {
        ExportOptions options = ExportOptions.parse(format, sep);
        return exports.download(orders.build(status, city, operatorId, phone, dateFrom, dateTo, actor), options, actor);
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR})
    @Get("/operators")
    public StreamedFile operators(@Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate,
                                  @Nullable @QueryValue String city, @Nullable @QueryValue String format,
                                  @Nullable @QueryValue String sep, Actor actor) {
        ExportOptions options = ExportOptions.parse(format, sep);
        return exports.download(operators.build(startDate, endDate, city, actor), options, actor);
    }

    /** The chat figures by operator, city or day ({@code by}), as {@code /api/stats/chats} gives them. */
    @Secured({Role.ADMIN, Role.SUPERVISOR})
    @Get("/chats")
    public StreamedFile chats(@Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate,
                              @Nullable @QueryValue String city, @Nullable @QueryValue String by, @Nullable @QueryValue String format,
                              @Nullable @QueryValue String sep, Actor actor) {
        ExportOptions options = ExportOptions.parse(format, sep);
        return exports.download(chats.build(startDate, endDate, city, by, actor), options, actor);
    }
}
