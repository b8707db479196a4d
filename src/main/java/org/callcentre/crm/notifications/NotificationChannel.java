package org.callcentre.crm.notifications;

/** Where a notification goes; the recipient's address means a chat id, an e-mail, a phone or an operator id. */
public enum NotificationChannel {
    telegram, email, sms, operator
}
