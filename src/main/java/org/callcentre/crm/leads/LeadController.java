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
import org.callcentre.crm.shared.DatabaseFaults;

import java.time.Duration;

/**
 * The website's way in. It holds an API key, not a user session, so the framework lets the request
 * through and {@link LeadService} checks the key; no other endpoint accepts API keys. While
 * PostgreSQL cannot take the lead it is answered 503 with {@code Retry-After}, and nothing is kept.
 */
@Tag(name = "integrations")
@Controller("/api/integrations/leads")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class LeadController {
    /** The website's form retries a lead it could not hand over; this is how long it should wait. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final LeadService leads;

    public LeadController(LeadService leads) {
        this.leads = leads;
    }

    /** 201 with the new order; 200 with the existing one when this lead was taken before. */
    @Post
    public HttpResponse<ApiResponse<OrderView>> take(@Nullable @Header("X-API-Key") String apiKey,
                                                     @Body LeadRequest body, HttpRequest<?> request) {
        LeadService.Intake intake;
        try {
            intake = leads.take(apiKey, body, ActorBinder.clientAddress(request));
        } catch (RuntimeException e) {
            throw DatabaseFaults.busyWhenUnreachable(e, RETRY_AFTER);
        }
        return HttpResponse.<ApiResponse<OrderView>>status(intake.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiResponse.of(intake.order().view()));
    }
}
