package org.callcentre.crm.notifications;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** An outbox row: what is sent, to whom, and how its delivery went. */
@Serdeable
public record Notification(long id, NotificationChannel channel, String purpose, String recipient, String subject,
                           String body, List<List<Button>> buttons, Long orderId, NotificationState state, int attempts,
                           String lastError, Instant dueAt, String externalId, Instant sentAt, Instant createdAt) {
}
