package org.callcentre.crm.campaigns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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

@Tag(name = "campaigns")
@Controller("/api/campaigns")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class CampaignController {
    private final CampaignService campaigns;

    public CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
    @Get
    public ApiResponse<List<CampaignView>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit,
                                                @Nullable @QueryValue String city, @Nullable @QueryValue String source,
                                                Actor actor) {
        return ApiResponse.page(campaigns.list(city, source, actor, PageRequest.of(page, limit)));
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
    @Get("/{id}")
    public ApiResponse<CampaignView> get(long id, Actor actor) {
        return ApiResponse.of(campaigns.get(id, actor));
    }

    @Post
    @Status(HttpStatus.CREATED)
    public ApiResponse<CampaignView> create(@Body CampaignRequest body, Actor actor) {
        return ApiResponse.of(campaigns.create(body, actor));
    }

    @Patch("/{id}")
    public ApiResponse<CampaignView> patch(long id, @Body CampaignRequest body, Actor actor) {
        return ApiResponse.of(campaigns.update(id, body, actor));
    }

    @Put("/{id}")
    public ApiResponse<CampaignView> put(long id, @Body CampaignRequest body, Actor actor) {
        return ApiResponse.of(campaigns.update(id, body, actor));
    }

    @Delete("/{id}")
    public ApiResponse<Map<String, Long>> delete(long id, Actor actor) {
        campaigns.delete(id, actor);
        return ApiResponse.of(Map.of("deleted", id));
    }
}
