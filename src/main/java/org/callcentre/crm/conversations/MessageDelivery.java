package org.callcentre.crm.conversations;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends stored replies through the channel and records the outcome on the message: sent with the
 * marketplace's id, or failed with the error and the time of the next try (exponential backoff),
 * until {@code crm.conversations.max-attempts} are used up. The HTTP call runs outside any
 * transaction, so a slow marketplace never holds a database connection.
 */
@Singleton
public class MessageDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDelivery.class);
    private static final int RETRY_BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int MAX_ERROR = 500;

    private final ConversationRepository conversations;
    private final ChatChannel channel;
    private final DeliverySettings settings;
    private final Clock clock;

    public MessageDelivery(ConversationRepository conversations, ChatChannel channel, DeliverySettings settings, Clock clock) {
        this.conversations = conversations;
        this.channel = channel;
        this.settings = settings;
        this.clock = clock;
    }

    /** One attempt to send the message; returns it as stored afterwards. */
    public Message deliver(long messageId) {
        Outgoing outgoing = load(messageId);
        try {
            String externalId = channel.send(outgoing.conversation(), outgoing.message().text());
            return record(messageId, externalId, null);
        } catch (ChatChannel.ChatDeliveryException e) {
            LOG.warn("Message {} of conversation {} not delivered: {}", messageId, outgoing.conversation().id(), e.getMessage());
            return record(messageId, null, e.getMessage());
        }
    }

    @Scheduled(fixedDelay = "${crm.conversations.sweep-interval:10s}", initialDelay = "${crm.conversations.sweep-interval:10s}")
    void retryDue() {
        Instant now = clock.instant();
        for (long id : claim(now)) {
            deliver(id);
        }
    }

    @Transactional
    List<Long> claim(Instant now) {
        return conversations.claimDueRetries(now, now.plus(LEASE), RETRY_BATCH);
    }

    private record Outgoing(Conversation conversation, Message message) {
    }

    @Transactional
    Outgoing load(long messageId) {
        Message message = conversations.message(messageId).orElseThrow(() -> new IllegalStateException("No message " + messageId));
        return new Outgoing(conversations.find(message.conversationId()).orElseThrow(), message);
    }

    @Transactional
    Message record(long messageId, String externalId, String error) {
        if (error == null) {
            conversations.markSent(messageId, externalId);
        } else {
            Message before = conversations.message(messageId).orElseThrow();
            Duration wait = settings.backoff(before.attempts() + 1);
            String shortError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
            conversations.markFailed(messageId, shortError, wait == null ? null : clock.instant().plus(wait));
        }
        return conversations.message(messageId).orElseThrow();
    }
}
