package org.callcentre.crm.ai.drafts;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
