package org.callcentre.crm.cities;

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
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;
import org.callcentre.crm.shared.PageRequest;

import java.util.List;
import java.util.Map;

@Tag(name = "cities")
@Controller("/api/cities")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
public class CityController {
    private final CityService cities;

    public CityController(CityService cities) {
        this.cities = cities;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get
    public ApiResponse<List<City>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit) {
        return ApiResponse.page(cities.list(PageRequest.of(page, limit)));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/{id}")
    public ApiResponse<City> get(long id) {
        return ApiResponse.of(cities.get(id));
    }

    @Post
    @Status(HttpStatus.CREATED)
    public ApiResponse<City> create(@Body CityRequest body, Actor actor) {
        return ApiResponse.of(cities.create(body, actor));
    }

    @Patch("/{id}")
    public ApiResponse<City> patch(long id, @Body CityRequest body, Actor actor) {
        return ApiResponse.of(cities.update(id, body, actor));
    }

    @Put("/{id}")
    public ApiResponse<City> put(long id, @Body CityRequest body, Actor actor) {
        return ApiResponse.of(cities.update(id, body, actor));
    }

    @Delete("/{id}")
    public ApiResponse<Map<String, Long>> delete(long id, Actor actor) {
        cities.delete(id, actor);
        return ApiResponse.of(Map.of("deleted", id));
    }
}
