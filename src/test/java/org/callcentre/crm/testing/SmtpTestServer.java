package org.callcentre.crm.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real SMTP server (GreenMail) on a port of its own, which a test can stop to make sends fail and start again. */
public final class SmtpTestServer implements AutoCloseable {
    /** A message as the server received it. */
    public record Mail(String to, String subject, String body) {
    }

    private final int port;
    private GreenMail server;

    public SmtpTestServer() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    /** The settings that point the CRM at this server. */
    public Map<String, String> properties() {
        return Map.of("crm.notifications.email.host", "127.0.0.1", "crm.notifications.email.port", String.valueOf(port),
                "crm.notifications.email.security", "none", "crm.notifications.email.from", "crm@callcentre.test",
                "crm.notifications.email.timeout", "5s");
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Connections are refused until {@link #start()}; what was received so far is forgotten. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized void reset() {
        start();
        server.reset();
    }

    public synchronized List<Mail> received() {
        return Arrays.stream(server.getReceivedMessages()).map(SmtpTestServer::mail).toList();
    }

    /** The Message-ID header of each received message, in arrival order. */
    public synchronized List<String> messageIds() {
        return Arrays.stream(server.getReceivedMessages()).map(m -> {
            try {
                return m.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Mail mail(MimeMessage m) {
        try {
            return new Mail(m.getAllRecipients()[0].toString(), m.getSubject(), String.valueOf(m.getContent()).strip());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
