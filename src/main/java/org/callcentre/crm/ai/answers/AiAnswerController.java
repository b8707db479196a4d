package org.callcentre.crm.ai.answers;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;

import java.util.List;

/** The AI's answers: ask directly (the auto-responder's own decision), read them per chat, rate them. */
@Tag(name = "ai")
@Controller("/api/ai")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class AiAnswerController {
    private final AiAnswerService answers;

    public AiAnswerController(AiAnswerService answers) {
        this.answers = answers;
    }

    /** {@code {"question","city"}} → the stored answer: answer|null, title|null, confidence, handoff, sources. */
    @Post("/answer")
    public ApiResponse<AiAnswer> answer(@Body QuestionRequest body, Actor actor) {
        return ApiResponse.of(answers.ask(body, actor));
    }

    @Get("/answers/{id}")
    public ApiResponse<AiAnswer> get(long id, Actor actor) {
        return ApiResponse.of(answers.get(id, actor));
    }

    @Get("/answers")
    public ApiResponse<List<AiAnswer>> ofConversation(@QueryValue long conversationId, Actor actor) {
        return ApiResponse.of(answers.ofConversation(conversationId, actor));
    }

    /** {@code {"rating":1..5,"comment"}}; one rating per operator and answer, a new one replaces it. */
    @Post("/answers/{id}/rating")
    public ApiResponse<AiAnswer> rate(long id, @Body RatingRequest body, Actor actor) {
        return ApiResponse.of(answers.rate(id, body, actor));
    }
}
