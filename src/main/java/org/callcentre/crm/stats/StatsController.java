package org.callcentre.crm.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;

import java.util.List;

/**
 * Statistics read from rollups. Dates are {@code yyyy-MM-dd}, both ends inclusive, local days of
 * the city asked for (or of the operator's city, or of {@code crm.default-timezone}); a missing
 * one is today.
 */
@Tag(name = "stats")
@Controller("/api/stats")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR})
public class StatsController {
    private final PeriodStatsService periods;
    private final OperatorStatsService operators;
    private final KpiService kpi;
    private final SourceStatsService sources;
    private final WallboardService wallboard;
    private final ResultCodeStatsService resultCodes;
    private final ChatStatsService chats;

    public StatsController(PeriodStatsService periods, OperatorStatsService operators, KpiService kpi,
                           SourceStatsService sources, WallboardService wallboard, ResultCodeStatsService resultCodes,
                           ChatStatsService chats) {
        this.resultCodes = resultCodes;
        this.chats = chats;
        this.periods = periods;
        this.operators = operators;
        this.kpi = kpi;
        this.sources = sources;
        this.wallboard = wallboard;
    }

    @Get("/my")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public ApiResponse<PeriodStats> my(@Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate, Actor actor) {
        return ApiResponse.of(periods.ofOperator(actor.id(), startDate, endDate, actor));
    }

    /** Supervisors and admins; an operator only for their own id. */
    @Get("/operator/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public ApiResponse<PeriodStats> operator(long id, @Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate,
                                             Actor actor) {
        return ApiResponse.of(periods.ofOperator(id, startDate, endDate, actor));
    }

    @Get("/overall")
    public ApiResponse<PeriodStats> overall(@Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate) {
        return ApiResponse.of(periods.overall(startDate, endDate));
    }

    @Get("/operators")
    public ApiResponse<List<OperatorStats>> operators(@Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate,
                                                      @Nullable @QueryValue String city, @Nullable @QueryValue String sort,
                                                      @Nullable @QueryValue String order) {
        return ApiResponse.of(operators.list(startDate, endDate, city, sort, order));
    }

    @Get("/kpi")
    public ApiResponse<KpiReport> kpi(@Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate,
                                      @Nullable @QueryValue String city, @Nullable @QueryValue String rk,
                                      @Nullable @QueryValue String threshold) {
        return ApiResponse.of(kpi.report(startDate, endDate, city, rk, threshold));
    }

    @Get("/cities")
    public ApiResponse<List<SourceStats>> cities(@Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate) {
        return ApiResponse.of(sources.cities(startDate, endDate));
    }

    @Get("/campaigns")
    public ApiResponse<List<SourceStats>> campaigns(@Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate) {
        return ApiResponse.of(sources.campaigns(startDate, endDate));
    }

    /** Handled calls by the disposition their operators picked, with their average talk. */
    @Get("/dispositions")
    public ApiResponse<List<ResultCodeStats>> dispositions(@Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate,
                                                           @Nullable @QueryValue String city) {
        return ApiResponse.of(resultCodes.dispositions(startDate, endDate, city));
    }

    /** Cancelled orders by their reason. */
    @Get("/cancel-reasons")
    public ApiResponse<List<ResultCodeStats>> cancelReasons(@Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate,
                                                            @Nullable @QueryValue String city) {
        return ApiResponse.of(resultCodes.cancelReasons(startDate, endDate, city));
    }

    /** Chat figures in total and per operator, city and day: first response, resolution, AI alone or people, messages, breaches. */
    @Get("/chats")
    public ApiResponse<ChatReport> chats(@Nullable @QueryValue String startDate, @Nullable @QueryValue String endDate,
                                         @Nullable @QueryValue String city) {
        return ApiResponse.of(chats.report(startDate, endDate, city));
    }

    @Get("/wallboard")
    public ApiResponse<Wallboard> wallboard() {
        return ApiResponse.of(wallboard.snapshot());
    }
}
