package org.callcentre.crm.notifications.email;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.callcentre.crm.notifications.Notification;
import org.callcentre.crm.notifications.NotificationChannel;
import org.callcentre.crm.notifications.NotificationSender;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends e-mail notifications over SMTP with Jakarta Mail (Eclipse Angus). */
@Singleton
class EmailSender implements NotificationSender {
    private final EmailSettings settings;
    private final Session session;

    EmailSender(EmailSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.email;
    }

    @Override
    public String send(Notification notification) throws DeliveryFailure {
        if (!settings.configured()) {
            throw new DeliveryFailure("e-mail is off: crm.notifications.email.host is not set", true);
        }
        MimeMessage message = new MimeMessage(session);
        try {
            InternetAddress from = address(settings.from());
            InternetAddress to = address(notification.recipient());
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(notification.subject() == null ? "" : notification.subject(), StandardCharsets.UTF_8.name());
            message.setText(notification.body(), StandardCharsets.UTF_8.name());
            message.saveChanges();
            if (settings.username() == null || settings.username().isBlank()) {
                Transport.send(message);
            } else {
                Transport.send(message, settings.username(), settings.password());
            }
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new DeliveryFailure("SMTP " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
    }

    private static InternetAddress address(String text) throws DeliveryFailure {
        try {
            return new InternetAddress(text, true);
        } catch (AddressException e) {
            throw new DeliveryFailure("bad address: " + e.getMessage(), true);
        }
    }

    private static Properties properties(EmailSettings settings) {
        Properties p = new Properties();
        if (!settings.configured()) {
            return p;
        }
        String protocol = "ssl".equals(settings.security()) ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        p.put("mail.transport.protocol", protocol);
        p.put(prefix + "host", settings.host());
        p.put(prefix + "port", String.valueOf(settings.port()));
        p.put(prefix + "auth", String.valueOf(settings.username() != null && !settings.username().isBlank()));
        p.put(prefix + "connectiontimeout", String.valueOf(settings.timeout().toMillis()));
        p.put(prefix + "timeout", String.valueOf(settings.timeout().toMillis()));
        p.put(prefix + "writetimeout", String.valueOf(settings.timeout().toMillis()));
        if ("starttls".equals(settings.security())) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        return p;
    }
}
