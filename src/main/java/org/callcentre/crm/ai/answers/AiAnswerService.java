package org.callcentre.crm.ai.answers;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.knowledge.KnowledgeBase;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.JsonValues;

import java.util.List;
import java.util.Optional;

/**
 * Answers questions from the knowledge base, stores every answer (and every hand-off) with its
 * confidence and sources, and takes operators' ratings of them, which {@link KnowledgeBase} feeds
 * back into ranking.
 */
@Singleton
public class AiAnswerService {
    private static final int MAX_QUESTION = 2000;
    private static final int MAX_CITY = 100;

    private final KnowledgeBase knowledge;
    private final AnswerFlow flow;
    private final AiAnswerRepository answers;
    private final CityDirectory cities;
    private final AuditLog audit;

    public AiAnswerService(KnowledgeBase knowledge, AiSettings settings, LlmClient llm, AiAnswerRepository answers,
                           CityDirectory cities, AuditLog audit) {
        this.knowledge = knowledge;
        this.flow = new AnswerFlow(new AnswerDecider(settings.policy()), llm);
        this.answers = answers;
        this.cities = cities;
        this.audit = audit;
    }

    /** The decision for a question ({@link AnswerFlow}) on the current knowledge base. */
    public AnswerDecision decide(String question, String city) {
        return flow.decide(knowledge.index(), question, city);
    }

    /** {@code POST /api/ai/answer}: decides, stores and returns the answer with its id (for rating). */
    public AiAnswer ask(QuestionRequest request, Actor actor) {
        Fields f = new Fields();
        String question = f.required("question", request.question(), MAX_QUESTION);
        String city = f.optional("city", request.city(), MAX_CITY);
        f.throwIfAny();
        // a city the CRM does not know is no error: a person answers (city_not_served)
        Long cityId = city == null ? null : cities.findId(city).orElse(null);
        AnswerDecision decision = city != null && cityId == null
                ? AnswerDecision.handoff(AnswerDecision.CITY_NOT_SERVED, 0, List.of()) : decide(question, city);
        return store(question, cityId, decision, actor);
    }

    @Transactional
    AiAnswer store(String question, Long cityId, AnswerDecision decision, Actor actor) {
        long id = answers.insert(null, null, question, cityId, decision).orElseThrow();
        audit.record(actor, "create", "ai_answer", id, new Changes().set("question", question)
                .set("handoff", decision.handoff()).set("title", decision.title()).asMap());
        return find(id);
    }

    /** Decides on a client's chat message and stores the outcome; empty when that message was answered before. */
    public Optional<AnswerDecision> answerMessage(long conversationId, long messageId, String question, String city, Long cityId) {
        AnswerDecision decision = decide(question, city);
        return storeForMessage(conversationId, messageId, question, cityId, decision) ? Optional.of(decision) : Optional.empty();
    }

    @Transactional
    boolean storeForMessage(long conversationId, long messageId, String question, Long cityId, AnswerDecision decision) {
        return answers.insert(conversationId, messageId, question, cityId, decision).isPresent();
    }

    /** One answer, if the actor's city may see it: 404 for another city's, as for a missing one. */
    @Transactional
    public AiAnswer get(long id, Actor actor) {
        return findVisible(id, actor);
    }

    @Transactional
    public List<AiAnswer> ofConversation(long conversationId, Actor actor) {
        Optional<Long> cityId = answers.cityOfConversation(conversationId);
        if (cityId.isEmpty() && answers.ofConversation(conversationId).isEmpty()) {
            throw ApiException.notFound("Conversation " + conversationId);
        }
        if (actor.cityScope() != null && !actor.cityScope().equals(cityId.orElse(null))) {
            throw ApiException.notFound("Conversation " + conversationId);
        }
        return answers.ofConversation(conversationId);
    }

    @Transactional
    public AiAnswer rate(long id, RatingRequest request, Actor actor) {
        findVisible(id, actor);
        Fields f = new Fields();
        Integer rating = JsonValues.integer(f, "rating", request.rating());
        f.check(rating != null || f.has("rating"), "rating", "is required");
        f.check(rating == null || rating >= 1 && rating <= 5, "rating", "must be from 1 to 5");
        String comment = f.optional("comment", request.comment(), 1000);
        f.throwIfAny();
        answers.rate(id, actor.id(), rating, comment);
        audit.record(actor, "update", "ai_answer", id, new Changes().set("rating", rating).set("comment", comment).asMap());
        return find(id);
    }

    private AiAnswer findVisible(long id, Actor actor) {
        Long scope = actor.cityScope();
        if (scope != null && !answers.visibleInCity(id, scope)) {
            throw ApiException.notFound("AI answer " + id);
        }
        return find(id);
    }

    private AiAnswer find(long id) {
        return answers.find(id).orElseThrow(() -> ApiException.notFound("AI answer " + id));
    }
}
