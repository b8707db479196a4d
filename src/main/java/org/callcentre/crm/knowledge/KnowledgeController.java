package org.callcentre.crm.knowledge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
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

/** The knowledge base the AI answers from: everyone reads it, admins and supervisors edit it. */
@Tag(name = "knowledge")
@Controller("/api/knowledge")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR})
public class KnowledgeController {
    private final KnowledgeService knowledge;

    public KnowledgeController(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
    @Get("/entries")
    public ApiResponse<List<KbEntry>> list(@Nullable @QueryValue String category, @Nullable @QueryValue String city,
                                           @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit) {
        return ApiResponse.page(knowledge.list(category, city, PageRequest.of(page, limit)));
    }

    @Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
    @Get("/entries/{id}")
    public ApiResponse<KbEntry> get(long id) {
        return ApiResponse.of(knowledge.get(id));
    }

    @Post("/entries")
    @Status(HttpStatus.CREATED)
    public ApiResponse<KbEntry> create(@Body KbEntryRequest body, Actor actor) {
        return ApiResponse.of(knowledge.create(body, actor));
    }

    @Patch("/entries/{id}")
    public ApiResponse<KbEntry> update(long id, @Body KbEntryRequest body, Actor actor) {
        return ApiResponse.of(knowledge.update(id, body, actor));
    }

    @Delete("/entries/{id}")
    public ApiResponse<Map<String, Long>> delete(long id, Actor actor) {
        knowledge.delete(id, actor);
        return ApiResponse.of(Map.of("deleted", id));
    }

    /**
     * A CSV file with the header {@code category,title,question,answer,city}, one row per question
     * variant. The body is read as text whatever its declared type, so a wrong type meets the role
     * check and then a 400 naming the file, not a 415 before anyone is asked who they are.
     */
    @Post("/import")
    @Consumes(MediaType.ALL)
    public ApiResponse<KnowledgeService.ImportResult> importCsv(@Body String csv, Actor actor) {
        return ApiResponse.of(knowledge.importCsv(csv, actor));
    }

    @Get("/export")
    @Produces("text/csv; charset=utf-8")
    public HttpResponse<String> exportCsv() {
        return HttpResponse.ok(knowledge.exportCsv())
                .header("Content-Disposition", "attachment; filename=\"knowledge-base.csv\"");
    }

    @Get("/pairs")
    public ApiResponse<List<TrainingPair>> pairs(@Nullable @QueryValue String source, @Nullable @QueryValue Long entryId,
                                                 @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit) {
        return ApiResponse.page(knowledge.pairs(source, entryId, PageRequest.of(page, limit)));
    }

    @Post("/pairs")
    @Status(HttpStatus.CREATED)
    public ApiResponse<TrainingPair> addPair(@Body TrainingPairRequest body, Actor actor) {
        return ApiResponse.of(knowledge.addPair(body, actor));
    }

    @Delete("/pairs/{id}")
    public ApiResponse<Map<String, Long>> deletePair(long id, Actor actor) {
        knowledge.deletePair(id, actor);
        return ApiResponse.of(Map.of("deleted", id));
    }
}
