package org.callcentre.crm.notifications;

/**
 * Sends one notification of its channel. Called by the outbox worker outside any transaction; the
 * worker records the outcome. Another feature may provide the sender of a channel (the operator
 * reminders' push, for example).
 */
public interface NotificationSender {

    NotificationChannel channel();

    /** Sends and returns the peer's id for the message (or null when it gives none). */
    String send(Notification notification) throws DeliveryFailure;

    /** A send that did not go through; {@code permanent} ones are not retried (a blocked bot, a bad address). */
    class DeliveryFailure extends Exception {
        private final boolean permanent;

        public DeliveryFailure(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }

        public DeliveryFailure(String message, Throwable cause) {
            super(message, cause);
            this.permanent = false;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
