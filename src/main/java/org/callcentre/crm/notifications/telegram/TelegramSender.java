package org.callcentre.crm.notifications.telegram;

import jakarta.inject.Singleton;
import org.callcentre.crm.notifications.Notification;
import org.callcentre.crm.notifications.NotificationChannel;
import org.callcentre.crm.notifications.NotificationSender;

/** Sends Telegram notifications with sendMessage; the recipient is the chat id. */
@Singleton
class TelegramSender implements NotificationSender {
    private final TelegramApi api;

    TelegramSender(TelegramApi api) {
        this.api = api;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.telegram;
    }

    @Override
    public String send(Notification notification) throws DeliveryFailure {
        try {
            return String.valueOf(api.sendMessage(notification.recipient(), notification.body(), notification.buttons()));
        } catch (TelegramException e) {
            throw new DeliveryFailure(e.getMessage(), e.permanent());
        }
    }
}
