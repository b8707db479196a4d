package org.callcentre.crm.tasks;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.websocket.WebSocketClient;
import jakarta.inject.Inject;
import org.callcentre.crm.notifications.Notification;
import org.callcentre.crm.notifications.NotificationChannel;
import org.callcentre.crm.notifications.NotificationState;
import org.callcentre.crm.live.LiveClient;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task's reminder comes through the one notifications outbox and is pushed on /ws/operator when
 * the task is due; it fires once per due time, not for a task moved later, and reaches an operator
 * who was away when they connect again.
 */
@MicronautTest(transactional = false)
class TaskReminderTest {
    private static final Duration QUIET = Duration.ofSeconds(1);
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    @Client("/")
    WebSocketClient ws;
    @Inject
    TestData data;
    @Inject
    TaskReminderSender sender;
    Api api;
    String olgaToken;
    Api olga;
    Api pavel;
    long olgaId;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        olgaId = data.user("olga", "operator", kazan, "101");
        data.user("pavel", "operator", kazan, "102");
        api = new Api(client);
        olgaToken = (String) api.post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD)).body().get("accessToken");
        olga = api.as(olgaToken);
        pavel = api.login("pavel", TestData.PASSWORD);
    }

    private long create(Api as, String title, Instant due, String assignee) {
        Api.Reply reply = as.post("/api/tasks", Map.of("title", title, "dueAt", due.truncatedTo(ChronoUnit.MILLIS).toString(), "assignee", assignee));
        assertEquals(201, reply.status(), reply.toString());
        return ((Number) reply.data().get("id")).longValue();
    }

    @Test
    void aDueTaskIsPushedToItsAssigneesSocketOnceAndNoMore() throws Exception {
        try (LiveClient socket = LiveClient.open(ws, "/ws/operator", olgaToken)) {
            long task = create(olga, "Перезвонить Ивану", Instant.now().plusSeconds(2), "me");
            Map<String, Object> reminder = socket.await("task-reminder", m -> task == ((Number) map(m.get("task")).get("id")).longValue());
            assertEquals("Перезвонить Ивану", map(reminder.get("task")).get("title"));
            Eventually.until("the outbox row is finished", () -> data.db().queryLong(
                    "SELECT count(*) FROM notifications n JOIN tasks t ON t.reminder_id = n.id WHERE t.id = ? AND n.state = 'sent'", task) == 1);
            assertEquals(1L, data.db().queryLong("SELECT count(*) FROM tasks WHERE id = ? AND reminded_at IS NOT NULL", task));

            // the same row claimed again (a worker died after the push, its lease ran out): nothing more is pushed
            assertEquals("not due any more", sender.send(reminderOf(task)));
            assertEquals(List.of(), socket.receivedWithin(QUIET));
        }
    }

    @Test
    void aTaskMovedLaterBeforeItsTimeDoesNotRemindAtTheOldTime() throws Exception {
        try (LiveClient socket = LiveClient.open(ws, "/ws/operator", olgaToken)) {
            long task = create(olga, "Позже", Instant.now().plusSeconds(1), "me");
            assertEquals(200, olga.patch("/api/tasks/" + task, Map.of("dueAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).status());
            Eventually.until("the old reminder's row is finished", () -> data.db().queryLong(
                    "SELECT count(*) FROM notifications WHERE purpose = 'task-reminder' AND state = 'sent'") == 1);
            assertEquals(List.of(), socket.receivedWithin(QUIET));
            assertEquals(0L, data.db().queryLong("SELECT count(*) FROM tasks WHERE id = ? AND reminded_at IS NOT NULL", task));
            assertEquals(1L, data.db().queryLong("SELECT count(*) FROM notifications n JOIN tasks t ON t.reminder_id = n.id WHERE t.id = ? AND n.state = 'pending'", task),
                    "the new time's reminder still waits");
        }
    }

    @Test
    void anOperatorAwayWhenTheCitysTaskCameDueGetsItOnConnectingUntilSeen() {
        long task = create(olga, "Разобрать заявки", Instant.now().plusSeconds(1), "city");
        Eventually.until("the reminder fired", () -> data.db().queryLong(
                "SELECT count(*) FROM tasks WHERE id = ? AND reminded_at IS NOT NULL", task) == 1);
        Api.Reply waiting = pavel.get("/api/tasks/reminders");
        assertEquals(200, waiting.status());
        assertEquals(List.of(task), ((List<?>) waiting.body().get("data")).stream()
                .map(t -> ((Number) map(t).get("id")).longValue()).toList());
        assertEquals(204, pavel.post("/api/tasks/" + task + "/seen", Map.of()).status());
        assertTrue(((List<?>) pavel.get("/api/tasks/reminders").body().get("data")).isEmpty());
    }

    private Notification reminderOf(long task) {
        long id = data.db().queryLong("SELECT reminder_id FROM tasks WHERE id = ?", task);
        return new Notification(id, NotificationChannel.operator, TaskService.REMINDER, String.valueOf(olgaId), null, "x",
                List.of(), null, NotificationState.sending, 2, null, Instant.now(), null, null, Instant.now());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
