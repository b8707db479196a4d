package org.callcentre.crm.leads;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.ActorBinder;
import org.callcentre.crm.orders.OrderView;
import org.callcentre.crm.shared.ApiResponse;

/**
 * The website's way in. It holds an API key, not a user session, so the framework lets the request
 * through and {@link LeadService} checks the key; no other endpoint accepts API keys.
 */
@Tag(name = "integrations")
@Controller("/api/integrations/leads")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class LeadController {
    private final LeadService leads;

    public LeadController(LeadService leads) {
        this.leads = leads;
    }

    /** 201 with the new order; 200 with the existing one when this lead was taken before. */
    @Post
    public HttpResponse<ApiResponse<OrderView>> take(@Nullable @Header("X-API-Key") String apiKey,
                                                     @Body LeadRequest body, HttpRequest<?> request) {
        LeadService.Intake intake = leads.take(apiKey, body, ActorBinder.clientAddress(request));
        return HttpResponse.<ApiResponse<OrderView>>status(intake.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiResponse.of(intake.order().view()));
    }
}
