package org.callcentre.crm.tasks;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tasks and scheduled call-backs over the API, on real PostgreSQL, with the city rules. */
@MicronautTest(transactional = false)
class TaskApiTest {
    private static final String KAZAN = URLEncoder.encode("Казань", StandardCharsets.UTF_8);
    private static final String SAMARA = URLEncoder.encode("Самара", StandardCharsets.UTF_8);
    private static final String TOMORROW = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api olga;
    Api pavel;
    Api nina;
    Api boss;
    long olgaId;
    long pavelId;
    long ninaId;
    long ivan;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        long samara = data.city("Самара", "Europe/Samara");
        olgaId = data.user("olga", "operator", kazan, "101");
        pavelId = data.user("pavel", "operator", kazan, "102");
        ninaId = data.user("nina", "operator", samara, "201");
        data.user("boss", "supervisor", null, null);
        Api api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        pavel = api.login("pavel", TestData.PASSWORD);
        nina = api.login("nina", TestData.PASSWORD);
        boss = api.login("boss", TestData.PASSWORD);
        ivan = data.db().insert("INSERT INTO clients (name, city_id) VALUES ('Иван', ?) RETURNING id", kazan);
        data.db().update("INSERT INTO client_phones (client_id, phone) VALUES (?, '+79161234567')", ivan);
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static long id(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return ((Number) reply.data().get("id")).longValue();
    }

    @Test
    void aCallBackFromTheClientCardTakesTheClientsNumberAndIsTheOperatorsOwn() {
        Api.Reply reply = olga.post("/api/tasks", body("kind", "callback", "title", "Перезвонить Ивану", "dueAt", TOMORROW,
                "clientId", ivan, "priority", "high", "note", "после 18:00"));
        long task = id(reply);
        Map<String, Object> created = reply.data();
        assertEquals("+79161234567", created.get("phone"));
        assertEquals(olgaId, ((Number) created.get("assigneeId")).longValue());
        assertEquals("Казань", created.get("city"));
        assertEquals("high", created.get("priority"));
        assertEquals("open", created.get("status"));
        assertEquals(false, created.get("overdue"));
        assertEquals("Иван", created.get("clientName"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM notifications n JOIN tasks t ON t.reminder_id = n.id WHERE t.id = ? "
                + "AND n.channel = 'operator' AND n.due_at = ?::timestamptz AND n.state = 'pending'", task, TOMORROW), "its reminder waits in the outbox for the due time");
        assertEquals(List.of(task), ids(olga.get("/api/tasks")));
        assertEquals(List.of(), ids(pavel.get("/api/tasks")), "another operator's own task is not in a colleague's list");
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing() {
        List<Map<String, Object>> bodies = List.of(
                body("title", "x"),
                body("title", "x", "dueAt", "завтра"),
                body("title", "x", "dueAt", "2020-01-01T10:00:00Z"),
                body("dueAt", TOMORROW),
                body("title", "x", "dueAt", TOMORROW, "priority", "urgent"),
                body("title", "x", "dueAt", TOMORROW, "kind", "meeting"),
                body("title", "x", "dueAt", TOMORROW, "kind", "callback"),
                body("title", "x", "dueAt", TOMORROW, "phone", "12"),
                body("title", "x", "dueAt", TOMORROW, "assignee", "someone"),
                body("title", "x", "dueAt", TOMORROW, "clientId", 999999),
                body("title", "x", "dueAt", TOMORROW, "orderId", 999999));
        List<String> fields = List.of("dueAt", "dueAt", "dueAt", "title", "priority", "kind", "phone", "phone", "assignee",
                "clientId", "orderId");
        for (int i = 0; i < bodies.size(); i++) {
            Api.Reply reply = olga.post("/api/tasks", bodies.get(i));
            assertEquals(400, reply.status(), bodies.get(i) + ": " + reply);
            assertTrue(reply.errorFields().containsKey(fields.get(i)), bodies.get(i) + ": " + reply);
        }
        assertEquals(400, olga.post("/api/tasks", null).status());
        assertEquals(0L, data.count("tasks"));
        assertEquals(0L, data.count("notifications"));
    }

    @Test
    void anOperatorGivesTasksOnlyWithinTheirCityAndSeesNoOtherCitysTask() {
        long forPavel = id(olga.post("/api/tasks", body("title", "Позвонить мастеру", "dueAt", TOMORROW, "assignee", String.valueOf(pavelId))));
        long forCity = id(olga.post("/api/tasks", body("title", "Разобрать заявки", "dueAt", TOMORROW, "assignee", "city")));
        Api.Reply toSamara = olga.post("/api/tasks", body("title", "x", "dueAt", TOMORROW, "assignee", String.valueOf(ninaId)));
        assertEquals(400, toSamara.status());
        assertTrue(toSamara.errorFields().containsKey("assignee"), toSamara::toString);
        assertEquals(400, olga.post("/api/tasks", body("title", "x", "dueAt", TOMORROW, "city", "Самара")).status());
        Api.Reply othersClient = nina.post("/api/tasks", body("kind", "callback", "title", "x", "dueAt", TOMORROW, "clientId", ivan));
        assertEquals(400, othersClient.status(), "a Samara operator cannot make a task of a Kazan client");
        assertTrue(othersClient.errorFields().containsKey("clientId"));

        assertEquals(List.of(forPavel, forCity), ids(pavel.get("/api/tasks")), "his own and the city's");
        assertEquals(List.of(forCity), ids(pavel.get("/api/tasks?assignee=city")));
        assertEquals(List.of(), ids(nina.get("/api/tasks")));
        assertEquals(404, nina.patch("/api/tasks/" + forCity, body("status", "done")).status());
        assertEquals(400, nina.get("/api/tasks?city=" + KAZAN).status());
        assertEquals(List.of(forPavel, forCity), ids(boss.get("/api/tasks?city=" + KAZAN)));
        assertEquals(List.of(), ids(boss.get("/api/tasks?city=" + SAMARA)));
    }

    @Test
    void doneRescheduleAndReassignAreAuditedAndARescheduleGetsItsOwnReminder() {
        long task = id(olga.post("/api/tasks", body("title", "Перезвонить", "dueAt", TOMORROW)));
        String later = Instant.parse(TOMORROW).plus(2, ChronoUnit.HOURS).toString();
        Api.Reply moved = olga.patch("/api/tasks/" + task, body("dueAt", later, "assignee", "city"));
        assertEquals(200, moved.status(), moved.toString());
        assertNull(moved.data().get("assigneeId"));
        assertEquals(2L, data.db().queryLong("SELECT count(*) FROM notifications WHERE purpose = 'task-reminder'"));
        assertEquals(later, data.db().queryOne("SELECT to_char(n.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                + "FROM notifications n JOIN tasks t ON t.reminder_id = n.id WHERE t.id = ?", rs -> rs.getString(1), task).orElseThrow(),
                "the task's reminder is the one of its new time");
        Api.Reply done = pavel.patch("/api/tasks/" + task, body("status", "done"));
        assertEquals(200, done.status(), "the city's task is anyone's of the city");
        assertEquals("done", done.data().get("status"));
        assertTrue(done.data().get("doneAt") != null);
        assertEquals(409, pavel.patch("/api/tasks/" + task, body("dueAt", later)).status(), "a done task is reopened first");
        assertEquals(List.of(task), ids(pavel.get("/api/tasks?status=done")));
        assertEquals(2L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'task' AND action = 'update'"));
        Api.Reply bad = pavel.patch("/api/tasks/" + task, body("status", "finished"));
        assertEquals(400, bad.status());
        assertTrue(bad.errorFields().containsKey("status"));
    }

    @Test
    void supervisorsCountOpenOverdueAndHighPriorityTasksPerCity() {
        id(olga.post("/api/tasks", body("title", "a", "dueAt", TOMORROW, "priority", "high")));
        id(olga.post("/api/tasks", body("title", "b", "dueAt", TOMORROW)));
        long overdue = id(olga.post("/api/tasks", body("title", "c", "dueAt", TOMORROW)));
        data.db().update("UPDATE tasks SET due_at = now() - interval '1 hour' WHERE id = ?", overdue);
        id(nina.post("/api/tasks", body("title", "d", "dueAt", TOMORROW)));
        assertEquals(Map.of("open", 3, "overdue", 1, "high", 1), boss.get("/api/tasks/counts?city=" + KAZAN).data());
        assertEquals(Map.of("open", 4, "overdue", 1, "high", 1), boss.get("/api/tasks/counts").data());
        assertEquals(Map.of("open", 1, "overdue", 0, "high", 0), nina.get("/api/tasks/counts").data());
        assertEquals(List.of(overdue), ids(boss.get("/api/tasks?overdue=true")));
        assertEquals(true, boss.get("/api/tasks?overdue=true").list().get(0).get("overdue"));
    }

    @Test
    void withoutASessionTasksAreRefused() {
        Api anonymous = new Api(client);
        assertEquals(401, anonymous.get("/api/tasks").status());
        assertEquals(401, anonymous.post("/api/tasks", body("title", "x", "dueAt", TOMORROW)).status());
    }

    private static List<Long> ids(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.list().stream().map(t -> ((Number) t.get("id")).longValue()).toList();
    }
}
