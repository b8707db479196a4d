package org.callcentre.crm.ai.replies;

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
import org.callcentre.crm.ai.answers.AiAnswer;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;
import org.callcentre.crm.shared.PageRequest;

import java.util.List;
import java.util.Map;

/** The chat reply box's help (every role) and the operator templates (admins and supervisors keep them). */
@Tag(name = "ai")
@Controller("/api/ai")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class ReplyController {
    private final ReplyAssist assist;
    private final ReplyTemplates templates;

    ReplyController(ReplyAssist assist, ReplyTemplates templates) {
        this.assist = assist;
        this.templates = templates;
    }

    /** Templates first, then knowledge-base answers, whose title or text holds {@code q}, for the chat's city. */
    @Get("/quick-replies")
    public ApiResponse<List<QuickReply>> quickReplies(@Nullable @QueryValue String q, @Nullable @QueryValue Long conversationId,
                                                      Actor actor) {
        return ApiResponse.of(assist.quickReplies(q, conversationId, actor));
    }

    /** {@code {"conversationId"}} → the AI's best answer to the client's last question, with confidence and sources. */
    @Post("/suggestions")
    public ApiResponse<AiAnswer> suggest(@Body SuggestionRequest body, Actor actor) {
        return ApiResponse.of(assist.suggest(body, actor));
    }

    /** {@code {"messageId"}}: the reply sent from the suggestion; recorded as accepted or edited. */
    @Post("/answers/{id}/use")
    public ApiResponse<SuggestionUse> recordUse(long id, @Body UseRequest body, Actor actor) {
        return ApiResponse.of(assist.recordUse(id, body, actor));
    }

    @Get("/templates")
    @Secured({Role.ADMIN, Role.SUPERVISOR})
    public ApiResponse<List<ReplyTemplate>> list(@Nullable @QueryValue String city, @Nullable @QueryValue Integer page,
                                                 @Nullable @QueryValue Integer limit) {
        return ApiResponse.page(templates.list(city, PageRequest.of(page, limit)));
    }

    @Get("/templates/{id}")
    @Secured({Role.ADMIN, Role.SUPERVISOR})
    public ApiResponse<ReplyTemplate> get(long id) {
        return ApiResponse.of(templates.get(id));
    }

    @Post("/templates")
    @Status(HttpStatus.CREATED)
    @Secured({Role.ADMIN, Role.SUPERVISOR})
    public ApiResponse<ReplyTemplate> create(@Body ReplyTemplateRequest body, Actor actor) {
        return ApiResponse.of(templates.create(body, actor));
    }

    @Patch("/templates/{id}")
    @Secured({Role.ADMIN, Role.SUPERVISOR})
    public ApiResponse<ReplyTemplate> update(long id, @Body ReplyTemplateRequest body, Actor actor) {
        return ApiResponse.of(templates.update(id, body, actor));
    }

    @Delete("/templates/{id}")
    @Secured({Role.ADMIN, Role.SUPERVISOR})
    public ApiResponse<Map<String, Long>> delete(long id, Actor actor) {
        templates.delete(id, actor);
        return ApiResponse.of(Map.of("deleted", id));
    }
}
