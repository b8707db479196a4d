package org.callcentre.crm.leads.avito;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import java.util.Map;

/** Avito profiles: admins configure them, supervisors may look. */
@Tag(name = "integrations")
@Controller("/api/avito/accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class AvitoAccountController {
    private final AvitoAccountService accounts;
    private final AvitoCallTracking callTracking;

    public AvitoAccountController(AvitoAccountService accounts, AvitoCallTracking callTracking) {
        this.accounts = accounts;
        this.callTracking = callTracking;
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR})
    @Get
    public ApiResponse<List<AvitoAccountView>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit) {
        return ApiResponse.page(accounts.list(PageRequest.of(page, limit)));
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR})
    @Get("/{id}")
    public ApiResponse<AvitoAccountView> get(long id) {
        return ApiResponse.of(accounts.get(id));
    }

    /** 201; the answer's {@code webhookPath} is the only time the webhook address is shown. */
    @Post
    @Status(HttpStatus.CREATED)
    public ApiResponse<AvitoAccountView> create(@Body AvitoAccountRequest body, Actor actor) {
        return ApiResponse.of(accounts.create(body, actor));
    }

    @Patch("/{id}")
    public ApiResponse<AvitoAccountView> update(long id, @Body AvitoAccountRequest body, Actor actor) {
        return ApiResponse.of(accounts.update(id, body, actor));
    }

    @Post("/{id}/webhook-secret")
    public ApiResponse<AvitoAccountView> renewWebhookSecret(long id, Actor actor) {
        return ApiResponse.of(accounts.renewWebhookSecret(id, actor));
    }

    @Delete("/{id}")
    public ApiResponse<Map<String, Long>> delete(long id, Actor actor) {
        accounts.delete(id, actor);
        return ApiResponse.of(Map.of("deleted", id));
    }

    /** Reads the account's call tracking for the last {@code hours} (default 24) and links the calls; answers how many were linked. */
    @Post("/{id}/calltracking")
    public ApiResponse<AvitoCallTracking.SyncResult> syncCalls(long id, @Nullable @QueryValue Integer hours) {
        return ApiResponse.of(callTracking.sync(accounts.find(id), hours == null ? 24 : hours));
    }
}
