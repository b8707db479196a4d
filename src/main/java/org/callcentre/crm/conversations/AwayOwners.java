package org.callcentre.crm.conversations;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * A chat whose owner has been on a break or offline for longer than crm.conversations.owner-away
 * goes back to the queue without an owner, and its city's operators are told (0s: never).
 */
@Singleton
class AwayOwners {
    static final String REASON = "owner_away";

    private final ConversationRepository conversations;
    private final ApplicationEventPublisher<ChatChanged> changes;
    private final Duration ownerAway;
    private final Clock clock;

    AwayOwners(ConversationRepository conversations, ApplicationEventPublisher<ChatChanged> changes,
               @Value("${crm.conversations.owner-away:10m}") Duration ownerAway, Clock clock) {
        this.conversations = conversations;
        this.changes = changes;
        this.ownerAway = ownerAway;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${crm.conversations.sweep-interval:10s}", initialDelay = "${crm.conversations.sweep-interval:10s}")
    @Transactional
    void release() {
        if (ownerAway.isZero() || ownerAway.isNegative()) {
            return;
        }
        conversations.releaseAwayOwners(clock.instant().minus(ownerAway), REASON)
                .forEach(id -> changes.publishEvent(new ChatChanged(id, ChatChanged.Kind.queued)));
    }
}
