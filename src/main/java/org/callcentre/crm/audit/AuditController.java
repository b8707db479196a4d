package org.callcentre.crm.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;
import org.callcentre.crm.shared.PageRequest;

import java.util.List;

@Tag(name = "audit")
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class AuditController {
    private final AuditService audit;

    public AuditController(AuditService audit) {
        this.audit = audit;
    }

    @Get
    public ApiResponse<List<AuditEntry>> list(@Nullable @QueryValue String actor, @Nullable @QueryValue String entity,
                                              @Nullable @QueryValue String dateFrom, @Nullable @QueryValue String dateTo,
                                              @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit) {
        return ApiResponse.page(audit.list(actor, entity, dateFrom, dateTo, PageRequest.of(page, limit)));
    }
}
