package org.callcentre.crm.notifications;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sends due notifications. The claim commits before the send, and the outcome is written after it
 * in a transaction of its own, so no database connection waits on a slow gateway and a crash after
 * "sent" was written never sends that message again. The only repeat possible is a process killed
 * between a send and its mark: the lease runs out and the message goes once more.
 */
@Singleton
class OutboxWorker {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int MAX_ERROR = 500;

    private final OutboxRepository outbox;
    private final Map<NotificationChannel, NotificationSender> senders = new EnumMap<>(NotificationChannel.class);
    private final OutboxSettings settings;
    private final Clock clock;

    OutboxWorker(OutboxRepository outbox, List<NotificationSender> senders, OutboxSettings settings, Clock clock) {
        this.outbox = outbox;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${crm.notifications.poll-interval:2s}", initialDelay = "${crm.notifications.poll-interval:2s}")
    void sendDue() {
        List<Notification> claimed;
        do {
            claimed = claim();
            claimed.forEach(this::send);
        } while (claimed.size() == settings.batch());
    }

    @Transactional
    List<Notification> claim() {
        Instant now = clock.instant();
        return outbox.claimDue(now, now.plus(settings.lease()), settings.batch());
    }

    private void send(Notification notification) {
        NotificationSender sender = senders.get(notification.channel());
        try {
            if (sender == null) {
                throw new NotificationSender.DeliveryFailure("no sender for channel " + notification.channel()
                        + " is configured", false);
            }
            String externalId = sender.send(notification);
            markSent(notification.id(), externalId);
        } catch (NotificationSender.DeliveryFailure e) {
            failed(notification, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            LOG.error("Sending notification {} broke", notification.id(), e);
            failed(notification, e.toString(), false);
        }
    }

    @Transactional
    void markSent(long id, String externalId) {
        outbox.markSent(id, externalId, clock.instant());
    }

    @Transactional
    void failed(Notification notification, String error, boolean permanent) {
        Duration wait = permanent ? null : settings.backoff(notification.attempts());
        String shortError = error == null ? "unknown error"
                : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        LOG.warn("Notification {} ({}) not sent, attempt {}: {}", notification.id(), notification.channel(),
                notification.attempts(), shortError);
        outbox.markFailed(notification.id(), shortError, wait == null ? null : clock.instant().plus(wait));
    }
}
