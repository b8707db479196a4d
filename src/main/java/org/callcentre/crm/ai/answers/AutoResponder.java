package org.callcentre.crm.ai.answers;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.callcentre.crm.conversations.ClientMessageReceived;
import org.callcentre.crm.conversations.Conversation;
import org.callcentre.crm.conversations.ConversationRepository;
import org.callcentre.crm.conversations.ConversationService;
import org.callcentre.crm.conversations.Message;
import org.callcentre.crm.conversations.MessageDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Answers a client's chat message when no operator of the chat's city is at work, or when the
 * message has waited {@code crm.ai.reply-wait} without a reply: the best entry's answer if the
 * decision allows it, otherwise the holding message and a place in the operators' queue (once —
 * a chat already waiting gets no second holding message). Each message is decided on once, on
 * whichever node gets there first.
 */
@Singleton
public class AutoResponder {
    private static final Logger LOG = LoggerFactory.getLogger(AutoResponder.class);
    private static final int SWEEP_BATCH = 50;

    private final AiAnswerService answers;
    private final ConversationService conversations;
    private final ConversationRepository repository;
    private final MessageDelivery delivery;
    private final CityStaffing staffing;
    private final AiSettings settings;
    private final ExecutorService executor;
    private final Clock clock;

    public AutoResponder(AiAnswerService answers, ConversationService conversations, ConversationRepository repository,
                         MessageDelivery delivery, CityStaffing staffing, AiSettings settings,
                         @Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock) {
        this.answers = answers;
        this.conversations = conversations;
        this.repository = repository;
        this.delivery = delivery;
        this.staffing = staffing;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Runs after the webhook's transaction, on another thread, without the webhook's propagated
     * context: that context still names the finished transaction's connection.
     */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onClientMessage(ClientMessageReceived received) {
        executor.execute(() -> {
            try (PropagatedContext.Scope ignored = PropagatedContext.empty().propagate()) {
                respond(received.conversationId(), received.messageId(), false);
            }
        });
    }

    @Scheduled(fixedDelay = "${crm.conversations.sweep-interval:10s}", initialDelay = "${crm.conversations.sweep-interval:10s}")
    void answerWaitingChats() {
        if (settings.replyWait().isZero()) {
            return;
        }
        for (long[] waiting : waitingSince()) {
            respond(waiting[0], waiting[1], true);
        }
    }

    @Transactional
    List<long[]> waitingSince() {
        return repository.unansweredSince(clock.instant().minus(settings.replyWait()), SWEEP_BATCH);
    }

    void respond(long conversationId, long messageId, boolean waitedTooLong) {
        try {
            Conversation conversation = conversations.find(conversationId);
            if (!waitedTooLong && staffing.anyoneWorking(conversation.cityId(), clock.instant())) {
                return;
            }
            Message message = conversations.message(messageId);
            Optional<AnswerDecision> decision = answers.answerMessage(conversationId, messageId, message.text(),
                    conversation.city(), conversation.cityId());
            if (decision.isEmpty()) {
                return;
            }
            if (!decision.get().handoff()) {
                delivery.deliver(conversations.postAutomatic(conversationId, Message.AI, decision.get().answer()));
            } else if (!Conversation.QUEUED.equals(conversation.status())) {
                long holding = conversations.postAutomatic(conversationId, Message.SYSTEM, settings.holdingMessage());
                conversations.queue(conversationId, decision.get().reason());
                delivery.deliver(holding);
            }
        } catch (RuntimeException e) {
            // the sweep comes back to a message left without an answer row
            LOG.error("Auto-responder failed on message {} of conversation {}", messageId, conversationId, e);
        }
    }
}
