package org.callcentre.crm.notifications;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one door to the outbox. Call {@link #enqueue} inside the transaction of the change the
 * notification tells about: the row commits or rolls back with it, and the worker sends it later.
 */
@Singleton
public class Notifications {
    private static final int MAX_BODY = 4000;

    private final OutboxRepository outbox;
    private final Clock clock;

    public Notifications(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The new notification's id, or empty when one with the same dedupe key was enqueued before. */
    @Transactional
    public Optional<Long> enqueue(NewNotification notification) {
        if (notification.channel() == null || notification.recipient() == null || notification.recipient().isBlank()
                || notification.body() == null || notification.body().isBlank() || notification.purpose() == null) {
            throw new IllegalArgumentException("A notification needs a channel, a purpose, a recipient and a body: " + notification);
        }
        if (notification.body().length() > MAX_BODY) {
            throw ApiException.badField("body", "at most " + MAX_BODY + " characters");
        }
        Instant now = clock.instant();
        Instant due = notification.notBefore() == null || notification.notBefore().isBefore(now) ? now : notification.notBefore();
        return outbox.insert(notification, due);
    }

    /**
     * Withdraws the order's notifications of this purpose that wait for their time (a reminder of a
     * visit that moved); one already being sent goes on. Returns how many were withdrawn.
     */
    @Transactional
    public int cancelPending(long orderId, String purpose) {
        return outbox.cancelPending(orderId, purpose);
    }
}
