package org.callcentre.crm.notifications.visits;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.SmsTestServer;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Visit SMS to clients through a local server speaking SMS.ru's API. The quiet hours are set to
 * begin 3 h from the test's start and end 2 h later (Moscow time), so which moments are quiet is
 * known whatever the hour the test runs.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitSmsTest implements TestPropertyProvider {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private SmsTestServer sms;
    private ZonedDateTime start;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api admin;

    @Override
    public Map<String, String> getProperties() {
        sms = new SmsTestServer();
        start = ZonedDateTime.now(MOSCOW).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> properties = new HashMap<>(sms.properties());
        properties.put("crm.notifications.visits.confirmation", "true");
        properties.put("crm.notifications.visits.reminder-before", "2h");
        properties.put("crm.notifications.visits.quiet-from", start.plusHours(3).toLocalTime().toString());
        properties.put("crm.notifications.visits.quiet-to", start.plusHours(5).toLocalTime().toString());
        return properties;
    }

    @AfterAll
    void stopSms() {
        sms.close();
    }

    @BeforeEach
    void setUp() {
        data.reset();
        sms.reset();
        data.city("Москва", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        admin = new Api(client).login("boss", TestData.PASSWORD);
    }

    @Test
    void aVisitIsConfirmedAtOnceAndItsReminderWaitsForTheEndOfTheQuietHours() {
        ZonedDateTime visit = start.plusHours(6); // reminder due at +4 h: quiet, so at +5 h
        long order = order(visit);
        Eventually.until("the confirmation was sent", () -> sms.sent().size() == 1);
        assertEquals(new SmsTestServer.Sms("79161234567", "Заявка №" + order + ": мастер приедет " + DAY_TIME.format(visit)
                + ", ул. Ленина, 5.", "Servis"), sms.sent().get(0));
        Map<String, Object> reminder = only(order, "visit-reminder", "pending");
        assertEquals(start.plusHours(5).toInstant(), Instant.parse((String) reminder.get("dueAt")));
        assertEquals("Напоминаем: " + DAY_TIME.format(visit) + " приедет мастер по заявке №" + order + ", ул. Ленина, 5.",
                reminder.get("body"));
    }

    @Test
    void aMovedVisitIsConfirmedAgainAndItsOldReminderWithdrawnAndACancelledOrderRemindsOfNothing() {
        long order = order(start.plusHours(6));
        Eventually.until("the first confirmation was sent", () -> sms.sent().size() == 1);

        admin.patch("/api/orders/" + order, Map.of("problem", "шумит"));
        assertEquals(2, notifications(order).size(), "another change tells the client nothing");

        ZonedDateTime moved = start.plusHours(10); // reminder at +8 h: not quiet
        assertEquals(200, admin.patch("/api/orders/" + order, Map.of("dateMeeting", moved.toLocalDateTime().toString())).status());
        Eventually.until("the change was sent", () -> sms.sent().size() == 2);
        assertEquals("Изменение по заявке №" + order + ": мастер приедет " + DAY_TIME.format(moved) + ", ул. Ленина, 5.",
                sms.sent().get(1).text());
        only(order, "visit-reminder", "cancelled");
        Map<String, Object> reminder = only(order, "visit-reminder", "pending");
        assertEquals(moved.minusHours(2).toInstant(), Instant.parse((String) reminder.get("dueAt")));

        long changedMind = data.resultCode("cancel_reason", "Клиент передумал");
        assertEquals(200, admin.patch("/api/orders/" + order, Map.of("status", "cancelled", "cancelReasonId", changedMind)).status());
        assertEquals(2, notifications(order).stream().filter(n -> "cancelled".equals(n.get("state"))).count());
        assertEquals(0, notifications(order).stream().filter(n -> "pending".equals(n.get("state"))).count());
    }

    @Test
    void anUnavailableGatewayIsRetriedAndShownFailedAfterTheLastAttempt() {
        sms.unavailable(true);
        long order = order(start.plusHours(6));
        Eventually.until("the confirmation failed for good",
                () -> notifications(order).stream().anyMatch(n -> "failed".equals(n.get("state"))));
        Map<String, Object> failed = only(order, "visit-confirmation", "failed");
        assertEquals(3, ((Number) failed.get("attempts")).intValue());
        assertEquals("SMS gateway refused 79161234567: 220 Сервис временно недоступен, попробуйте чуть позже.",
                failed.get("lastError"));
        assertEquals(List.of(), sms.sent());
    }

    private long order(ZonedDateTime visit) {
        Api.Reply created = admin.post("/api/orders", Map.of("city", "Москва", "phone", "+79161234567",
                "address", "ул. Ленина, 5", "dateMeeting", visit.toLocalDateTime().toString()));
        assertEquals(201, created.status(), created.toString());
        return ((Number) created.data().get("id")).longValue();
    }

    private List<Map<String, Object>> notifications(long order) {
        return admin.get("/api/notifications?orderId=" + order + "&limit=100").list();
    }

    private Map<String, Object> only(long order, String purpose, String state) {
        List<Map<String, Object>> rows = notifications(order).stream()
                .filter(n -> purpose.equals(n.get("purpose")) && state.equals(n.get("state"))).toList();
        assertTrue(rows.size() == 1, purpose + " " + state + " in " + notifications(order));
        return rows.get(0);
    }
}
