package org.callcentre.crm.ai.drafts;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.orders.OrderRequest;
import org.callcentre.crm.orders.OrderView;
import org.callcentre.crm.shared.ApiResponse;

import java.util.List;

/** Order drafts: made from any text on request, and the one generated for a call, which an operator can accept as an order. */
@Tag(name = "ai")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class OrderDraftController {
    private final CallDrafts drafts;

    public OrderDraftController(CallDrafts drafts) {
        this.drafts = drafts;
    }

    @Post("/api/ai/order-draft")
    public ApiResponse<OrderDraft> draft(@Body OrderDraftRequest body) {
        return ApiResponse.of(drafts.draftFromText(body));
    }

    /** Per draft field, how often operators kept, changed or filled it when accepting drafts (dateFrom/dateTo: yyyy-MM-dd, optional). */
    @Get("/api/ai/order-draft/edits")
    @Secured({Role.ADMIN, Role.SUPERVISOR})
    public ApiResponse<List<DraftFieldEdits>> edits(@Nullable @QueryValue String dateFrom, @Nullable @QueryValue String dateTo) {
        return ApiResponse.of(drafts.edits(dateFrom, dateTo));
    }

    @Get("/api/calls/{callId}/order-draft")
    public ApiResponse<CallDraft> callDraft(long callId, Actor actor) {
        return ApiResponse.of(drafts.forCall(callId, actor));
    }

    /** The operator's edits in the body win over the draft's values; absent fields take the draft's. */
    @Post("/api/calls/{callId}/order-draft/accept")
    @Status(HttpStatus.CREATED)
    public ApiResponse<OrderView> accept(long callId, @Body OrderRequest edits, Actor actor) {
        return ApiResponse.of(drafts.accept(callId, edits, actor));
    }
}
