package org.callcentre.crm.notifications;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.SmtpTestServer;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox through its e-mail channel against a real SMTP server (GreenMail): sent once and marked
 * so, retried with backoff while the server is down and shown failed after the last attempt (3 in
 * tests), retried again by an admin, delayed until its time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxTest implements TestPropertyProvider {
    private SmtpTestServer smtp;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    Notifications notifications;
    Api admin;

    @Override
    public Map<String, String> getProperties() {
        smtp = new SmtpTestServer();
        return smtp.properties();
    }

    @AfterAll
    void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void setUp() {
        data.reset();
        smtp.reset();
        long city = data.city("Москва", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        data.user("olga", "operator", city, "101");
        admin = new Api(client).login("boss", TestData.PASSWORD);
    }

    @Test
    void anEnqueuedEmailIsSentOnceAndMarkedSent() {
        Optional<Long> id = notifications.enqueue(mail("master@example.test", "Заявка 1").dedupeKey("test:1"));
        assertTrue(id.isPresent());
        assertEquals(Optional.empty(), notifications.enqueue(mail("master@example.test", "Заявка 1").dedupeKey("test:1")),
                "the same dedupe key adds nothing");

        Eventually.until("the e-mail is marked sent", () -> "sent".equals(row(id.get()).get("state")));
        assertEquals(List.of(new SmtpTestServer.Mail("master@example.test", "Заявка 1", "Текст заявка 1")), smtp.received());
        Map<String, Object> row = row(id.get());
        assertEquals(1, ((Number) row.get("attempts")).intValue());
        assertNull(row.get("lastError"));
        assertTrue(row.get("externalId").toString().contains("@"), "the Message-ID is kept: " + row);
    }

    @Test
    void aDownServerIsRetriedAndShownFailedAfterTheLastAttemptThenAnAdminRetryDelivers() {
        smtp.stop();
        long id = notifications.enqueue(mail("master@example.test", "Заявка 2")).orElseThrow();
        Eventually.until("three attempts are used up", () -> "failed".equals(row(id).get("state")));
        Map<String, Object> failed = row(id);
        assertEquals(3, ((Number) failed.get("attempts")).intValue());
        assertTrue(failed.get("lastError").toString().startsWith("SMTP 127.0.0.1:"), failed.toString());
        assertNull(failed.get("dueAt"));
        assertEquals(List.of(id), admin.get("/api/notifications?state=failed").list().stream()
                .map(n -> ((Number) n.get("id")).longValue()).toList());

        smtp.start();
        Api.Reply retried = admin.post("/api/notifications/" + id + "/retry", Map.of());
        assertEquals(200, retried.status(), retried.toString());
        Eventually.until("the retried e-mail is sent", () -> "sent".equals(row(id).get("state")));
        assertEquals(1, smtp.received().size());
        assertEquals(409, admin.post("/api/notifications/" + id + "/retry", Map.of()).status(), "a sent one is not retried");
    }

    @Test
    void aNotificationWaitsForItsTime() {
        long later = notifications.enqueue(mail("later@example.test", "Позже")
                .notBefore(Instant.now().plus(1, ChronoUnit.HOURS))).orElseThrow();
        long now = notifications.enqueue(mail("now@example.test", "Сейчас")).orElseThrow();
        Eventually.until("the due one is sent", () -> "sent".equals(row(now).get("state")));
        assertEquals("pending", row(later).get("state"));
        assertEquals(List.of("now@example.test"), smtp.received().stream().map(SmtpTestServer.Mail::to).toList());
    }

    @Test
    void operatorsReadOnlyAnOrdersNotificationsAndBadFiltersAre400() {
        Api operator = new Api(client).login("olga", TestData.PASSWORD);
        assertEquals(400, operator.get("/api/notifications").status(), "an operator names the order");
        assertEquals(400, admin.get("/api/notifications?state=lost").status());
        assertEquals(404, operator.get("/api/notifications?orderId=999").status());
    }

    private static NewNotification mail(String to, String subject) {
        return NewNotification.of(NotificationChannel.email, "test", to, "Текст " + subject.toLowerCase()).subject(subject);
    }

    private Map<String, Object> row(long id) {
        return admin.get("/api/notifications?limit=100").list().stream()
                .filter(n -> ((Number) n.get("id")).longValue() == id).findFirst().orElseThrow();
    }
}
