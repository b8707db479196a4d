package org.callcentre.crm.notifications;

import java.time.Instant;
import java.util.List;

/**
 * What a feature asks to send. {@code dedupeKey}, when given, makes a repeat of the same request add
 * nothing; {@code notBefore} (null: now) delays the send, e.g. a reminder or quiet hours.
 */
public record NewNotification(NotificationChannel channel, String purpose, String recipient, String subject, String body,
                              List<List<Button>> buttons, Long orderId, String dedupeKey, Instant notBefore) {

    public static NewNotification of(NotificationChannel channel, String purpose, String recipient, String body) {
        return new NewNotification(channel, purpose, recipient, null, body, List.of(), null, null, null);
    }

    public NewNotification subject(String value) {
        return new NewNotification(channel, purpose, recipient, value, body, buttons, orderId, dedupeKey, notBefore);
    }

    public NewNotification buttons(List<List<Button>> value) {
        return new NewNotification(channel, purpose, recipient, subject, body, value, orderId, dedupeKey, notBefore);
    }

    public NewNotification order(Long value) {
        return new NewNotification(channel, purpose, recipient, subject, body, buttons, value, dedupeKey, notBefore);
    }

    public NewNotification dedupeKey(String value) {
        return new NewNotification(channel, purpose, recipient, subject, body, buttons, orderId, value, notBefore);
    }

    public NewNotification notBefore(Instant value) {
        return new NewNotification(channel, purpose, recipient, subject, body, buttons, orderId, dedupeKey, value);
    }
}
