package org.callcentre.crm.conversations;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.knowledge.KnowledgeService;
import org.callcentre.crm.operators.OperatorRepository;
import org.callcentre.crm.orders.ExternalId;
import org.callcentre.crm.orders.Order;
import org.callcentre.crm.orders.OrderFields;
import org.callcentre.crm.orders.OrderService;
import org.callcentre.crm.orders.OrderView;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

@Singleton
public class ConversationService {
    private static final int MAX_REPLY = 1000;
    private static final List<String> STATUSES = List.of(Conversation.OPEN, Conversation.QUEUED, Conversation.CLOSED);

    private final ConversationRepository conversations;
    private final CityDirectory cities;
    private final OrderService orders;
    private final KnowledgeService knowledge;
    private final AuditLog audit;
    private final OperatorRepository operators;
    private final ApplicationEventPublisher<ChatChanged> changes;
    private final ApplicationEventPublisher<ChatFiguresChanged> figures;
    private final ChatSlaClocks sla;

    ConversationService(ConversationRepository conversations, CityDirectory cities, OrderService orders,
                        KnowledgeService knowledge, AuditLog audit, OperatorRepository operators,
                        ApplicationEventPublisher<ChatChanged> changes, ApplicationEventPublisher<ChatFiguresChanged> figures,
                        ChatSlaClocks sla) {
        this.sla = sla;
        this.figures = figures;
        this.conversations = conversations;
        this.cities = cities;
        this.orders = orders;
        this.knowledge = knowledge;
        this.audit = audit;
        this.operators = operators;
        this.changes = changes;
    }

    @Transactional
    public Page<Conversation> list(String status, String city, PageRequest page, Actor actor) {
        Fields f = new Fields();
        f.oneOf("status", status, STATUSES, false);
        Long cityId = f.attempt("city", () -> cities.optionalId("city", city));
        f.throwIfAny();
        Long scope = actor.cityScope();
        if (scope != null) {
            if (cityId != null && !cityId.equals(scope)) {
                throw ApiException.forbidden("Operators see the conversations of their own city only");
            }
            cityId = scope;
        }
        return conversations.list(status, cityId, page);
    }

    @Transactional
    public ConversationDetail get(long id, Actor actor) {
        Conversation conversation = visible(id, actor);
        return new ConversationDetail(conversation, conversations.messages(id));
    }

    @Transactional
    public Conversation find(long id) {
        return conversations.find(id).orElseThrow(() -> ApiException.notFound("Conversation " + id));
    }

    /** The marketplace's address of a client's picture in this chat; another city's chat is not found, as for the chat. */
    @Transactional
    public String imageUrl(long id, long messageId, Actor actor) {
        visible(id, actor);
        return conversations.imageUrl(id, messageId).orElseThrow(() -> ApiException.notFound("Image of message " + messageId));
    }

    @Transactional
    public Message message(long id) {
        return conversations.message(id).orElseThrow(() -> ApiException.notFound("Message " + id));
    }

    /**
     * Stores an operator's reply as pending and takes the chat out of the queue; the caller then
     * hands it to {@link MessageDelivery}. The reply and the client's last question are kept as a
     * training pair for the knowledge base.
     */
    @Transactional
    public long reply(long id, ReplyRequest request, Actor actor) {
        Conversation conversation = visible(id, actor);
        Fields f = new Fields();
        String text = f.required("text", request == null ? null : request.text(), MAX_REPLY);
        f.throwIfAny();
        long messageId = conversations.insertOutgoing(id, Message.OPERATOR, actor.id(), text);
        conversations.touch(id);
        if (!Conversation.OPEN.equals(conversation.status())) {
            conversations.reopen(id);
        }
        audit.record(actor, "create", "message", messageId, new Changes().set("conversationId", id).set("text", text).asMap());
        lastClientQuestion(id).ifPresent(question -> knowledge.keepOperatorReply(question, text, conversation.cityId(), id, actor));
        sla.replied(id, actor.id());
        figures.publishEvent(new ChatFiguresChanged(id));
        changes.publishEvent(new ChatChanged(id, ChatChanged.Kind.replied));
        return messageId;
    }

    /** A message the service itself sends (the AI's answer, the holding message); the caller delivers it. */
    @Transactional
    public long postAutomatic(long id, String sender, String text) {
        long messageId = conversations.insertOutgoing(id, sender, null, text);
        conversations.touch(id);
        figures.publishEvent(new ChatFiguresChanged(id));
        return messageId;
    }

    /** Puts the chat in the operators' queue; a chat already waiting keeps its place. */
    @Transactional
    public void queue(long id, String reason) {
        conversations.queue(id, reason);
        sla.handedToPeople(find(id));
        figures.publishEvent(new ChatFiguresChanged(id));
        changes.publishEvent(new ChatChanged(id, ChatChanged.Kind.queued));
    }

    /**
     * The operator takes the chat: one owner at a time, so of two takes at once one wins and the
     * other gets 409 naming the owner. Taking one's own chat again changes nothing.
     */
    @Transactional
    public Conversation take(long id, Actor actor) {
        Conversation conversation = visible(id, actor);
        if (Conversation.CLOSED.equals(conversation.status())) {
            throw ApiException.conflict("The chat is closed");
        }
        if (!conversations.take(id, actor.id())) {
            Conversation now = find(id);
            throw ApiException.conflict("The chat is taken by " + (now.assignee() == null ? "another operator" : now.assignee()));
        }
        if (!actor.id().equals(conversation.assigneeId())) {
            audit.record(actor, "update", "conversation", id, new Changes().field("assigneeId", conversation.assigneeId(), actor.id()).asMap());
            changes.publishEvent(new ChatChanged(id, ChatChanged.Kind.assigned));
        }
        return find(id);
    }

    /** A supervisor gives the chat to an operator of its city, whoever had it. */
    @Transactional
    public Conversation assign(long id, AssignRequest request, Actor actor) {
        Conversation conversation = visible(id, actor);
        Fields f = new Fields();
        Long operatorId = request == null ? null : request.operatorId();
        f.check(operatorId != null, "operatorId", "is required");
        f.throwIfAny();
        var operator = operators.findById(operatorId)
                .filter(o -> Objects.equals(o.cityId(), conversation.cityId()))
                .orElseThrow(() -> ApiException.badField("operatorId", "no operator " + operatorId + " works in the chat's city"));
        conversations.assign(id, operator.id());
        audit.record(actor, "update", "conversation", id, new Changes().field("assigneeId", conversation.assigneeId(), operator.id()).asMap());
        changes.publishEvent(new ChatChanged(id, ChatChanged.Kind.assigned));
        return find(id);
    }

    @Transactional
    public Conversation close(long id, Actor actor) {
        Conversation conversation = visible(id, actor);
        conversations.close(id);
        sla.closed(id);
        figures.publishEvent(new ChatFiguresChanged(id));
        audit.record(actor, "update", "conversation", id, new Changes().field("status", conversation.status(), Conversation.CLOSED).asMap());
        changes.publishEvent(new ChatChanged(id, ChatChanged.Kind.closed));
        return find(id);
    }

    /**
     * Makes the chat's lead an order, prefilled with the chat's city, campaign, phone and ad. Asking
     * twice answers with the same order.
     */
    @Transactional
    public OrderView createOrder(long id, Actor actor) {
        Conversation conversation = visible(id, actor);
        if (conversation.orderId() != null) {
            return orders.get(conversation.orderId(), actor);
        }
        if (conversation.clientPhone() == null) {
            throw ApiException.badField("phone", "the client has not written a phone number in this chat yet");
        }
        String problem = conversation.adTitle() == null ? "Авито" : "Авито: " + conversation.adTitle();
        Order order = orders.create(OrderFields.lead(conversation.rk(), conversation.cityId(), conversation.clientPhone(),
                        null, null, problem), ExternalId.avitoChat(id), actor)
                .orElseThrow(() -> ApiException.conflict("An order for this chat already exists"));
        conversations.linkOrder(id, order.id());
        audit.record(actor, "update", "conversation", id, Map.of("orderId", order.id()));
        return orders.get(order.id(), actor);
    }

    private java.util.Optional<String> lastClientQuestion(long id) {
        List<Message> messages = conversations.messages(id);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (Message.CLIENT.equals(messages.get(i).sender())) {
                return java.util.Optional.of(messages.get(i).text());
            }
        }
        return java.util.Optional.empty();
    }

    private Conversation visible(long id, Actor actor) {
        Conversation conversation = find(id);
        Long scope = actor.cityScope();
        if (scope != null && !Objects.equals(scope, conversation.cityId())) {
            throw ApiException.notFound("Conversation " + id);
        }
        return conversation;
    }
}
