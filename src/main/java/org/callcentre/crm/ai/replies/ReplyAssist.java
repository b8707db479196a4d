package org.callcentre.crm.ai.replies;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.ai.answers.AiAnswer;
import org.callcentre.crm.ai.answers.AiAnswerRepository;
import org.callcentre.crm.ai.answers.AiAnswerService;
import org.callcentre.crm.ai.answers.AnswerDecision;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.conversations.Conversation;
import org.callcentre.crm.conversations.ConversationDetail;
import org.callcentre.crm.conversations.ConversationService;
import org.callcentre.crm.conversations.Message;
import org.callcentre.crm.knowledge.Candidate;
import org.callcentre.crm.knowledge.KnowledgeBase;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.JsonValues;

import java.util.List;
import java.util.Objects;

/**
 * The chat reply box's help: "/" finds templates and knowledge-base answers; the AI's best answer
 * to the client's last question is offered with its confidence and sources; a reply sent from it is
 * recorded as accepted (sent as offered) or edited, and rated so for the knowledge base's ranking.
 */
@Singleton
class ReplyAssist {
    /** A suggestion sent as offered rates its answer 5; one the operator had to edit, 3 (neither better nor worse). */
    static final int ACCEPTED_RATING = 5;
    static final int EDITED_RATING = 3;
    private static final int MAX_SEARCH = 200;

    private final ReplyRepository replies;
    private final ConversationService conversations;
    private final AiAnswerService ai;
    private final AiAnswerRepository answers;
    private final KnowledgeBase knowledge;
    private final AuditLog audit;

    ReplyAssist(ReplyRepository replies, ConversationService conversations, AiAnswerService ai, AiAnswerRepository answers,
                KnowledgeBase knowledge, AuditLog audit) {
        this.replies = replies;
        this.conversations = conversations;
        this.ai = ai;
        this.answers = answers;
        this.knowledge = knowledge;
        this.audit = audit;
    }

    /** Templates and answers for the chat's city (an operator's own city without a chat), holding {@code q}. */
    @Transactional
    public List<QuickReply> quickReplies(String q, Long conversationId, Actor actor) {
        Fields f = new Fields();
        String search = f.optional("q", q, MAX_SEARCH);
        f.throwIfAny();
        Long cityId = conversationId != null ? conversations.get(conversationId, actor).conversation().cityId() : actor.cityScope();
        return replies.quickReplies(search, cityId);
    }

    /**
     * The AI's best answer to the client's last message in the chat, stored as an answer offered to
     * this operator. When the AI would hand the question to a person it still offers the closest
     * entry's answer, with {@code handoff} and the reason, for the operator to judge. Asked again
     * for the same question, the same suggestion comes back.
     */
    @Transactional
    public AiAnswer suggest(SuggestionRequest request, Actor actor) {
        Fields f = new Fields();
        Integer id = JsonValues.integer(f, "conversationId", request == null ? null : request.conversationId());
        f.check(id != null || f.has("conversationId"), "conversationId", "is required");
        f.throwIfAny();
        ConversationDetail detail = conversations.get(id, actor);
        Conversation chat = detail.conversation();
        String question = detail.messages().stream().filter(m -> Message.CLIENT.equals(m.sender()))
                .reduce((first, second) -> second).map(Message::text)
                .orElseThrow(() -> ApiException.conflict("The client has not written in chat " + id + " yet"));
        var offered = replies.openSuggestion(chat.id(), actor.id(), question);
        if (offered.isPresent()) {
            return answers.find(offered.get()).orElseThrow();
        }
        AnswerDecision decision = ai.decide(question, chat.city());
        if (decision.answer() == null) {
            List<Candidate> closest = knowledge.index().search(question, chat.city(), 1);
            if (!closest.isEmpty()) {
                Candidate c = closest.get(0);
                decision = new AnswerDecision(c.answer(), c.title(), c.confidence(), true, decision.reason(), decision.sources(),
                        c.entryId(), false, null);
            }
        }
        long answerId = answers.insertSuggestion(chat.id(), question, chat.cityId(), decision, actor.id());
        audit.record(actor, "create", "ai_answer", answerId, new Changes().set("suggestedIn", chat.id())
                .set("question", question).set("title", decision.title()).asMap());
        return answers.find(answerId).orElseThrow();
    }

    /**
     * Records that the operator's reply {@code messageId} was sent from suggestion {@code answerId}:
     * accepted when its text is the suggestion's (spaces aside), else edited; the answer is rated
     * so. Recording the same reply again changes nothing; another reply is a 409.
     */
    @Transactional
    public SuggestionUse recordUse(long answerId, UseRequest request, Actor actor) {
        ReplyRepository.Suggestion suggestion = replies.suggestionForUpdate(answerId)
                .orElseThrow(() -> ApiException.notFound("Suggestion " + answerId));
        conversations.get(suggestion.conversationId(), actor);
        Fields f = new Fields();
        Integer messageId = JsonValues.integer(f, "messageId", request == null ? null : request.messageId());
        f.check(messageId != null || f.has("messageId"), "messageId", "is required");
        f.throwIfAny();
        Message message = f.attempt("messageId", () -> conversations.message(messageId));
        f.throwIfAny();
        f.check(message.conversationId() == suggestion.conversationId() && Message.OPERATOR.equals(message.sender())
                && Objects.equals(message.operatorId(), actor.id()), "messageId", "is not your reply in the suggestion's chat");
        f.throwIfAny();
        if (suggestion.used() != null) {
            if (suggestion.usedMessageId() == null || suggestion.usedMessageId() != messageId.longValue()) {
                throw ApiException.conflict("Suggestion " + answerId + " was already sent as message " + suggestion.usedMessageId());
            }
            SuggestionUse.Use use = SuggestionUse.Use.valueOf(suggestion.used());
            return new SuggestionUse(answerId, messageId, use, rating(use));
        }
        SuggestionUse.Use use = same(message.text(), suggestion.answer()) ? SuggestionUse.Use.accepted : SuggestionUse.Use.edited;
        replies.markUsed(answerId, use, messageId);
        answers.rate(answerId, actor.id(), rating(use), use.name());
        audit.record(actor, "update", "ai_answer", answerId, new Changes().set("used", use.name()).set("messageId", messageId).asMap());
        return new SuggestionUse(answerId, messageId, use, rating(use));
    }

    private static int rating(SuggestionUse.Use use) {
        return use == SuggestionUse.Use.accepted ? ACCEPTED_RATING : EDITED_RATING;
    }

    private static boolean same(String sent, String offered) {
        return offered != null && normalize(sent).equals(normalize(offered));
    }

    private static String normalize(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }
}
