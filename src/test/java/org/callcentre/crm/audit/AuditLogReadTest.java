package org.callcentre.crm.audit;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AuditLogReadTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api boss;
    long olga;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        olga = data.user("olga", "operator", kazan, "101");
        data.user("sue", "supervisor", null, null);
        data.user("boss", "admin", null, null);
        api = new Api(client);
        boss = api.login("boss", TestData.PASSWORD);
    }

    @Test
    void listsNewestFirstWithChangesAsAJsonObject() {
        long older = entry("2025-03-01T10:00:00Z", "boss", "operator", "{\"login\": \"olga\"}");
        long newer = entry("2025-03-01T11:00:00Z", "boss", "operator",
                "{\"name\": {\"from\": \"Olga\", \"to\": \"Olga K\"}, \"tags\": [\"a\", 1]}");

        Api.Reply reply = boss.get("/api/audit?entity=operator");
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(List.of(newer, older), ids(reply));
        Map<String, Object> first = reply.list().get(0);
        assertEquals("2025-03-01T11:00:00Z", first.get("at"));
        assertEquals("boss", first.get("actorLogin"));
        assertEquals("10.0.0.1", first.get("ip"));
        assertEquals("update", first.get("action"));
        assertEquals("operator", first.get("entity"));
        assertEquals(String.valueOf(olga), first.get("entityId"));
        assertEquals(Map.of("name", Map.of("from", "Olga", "to", "Olga K"), "tags", List.of("a", 1)), first.get("changes"));
        assertEquals(2, ((Number) reply.pagination().get("total")).intValue());
    }

    @Test
    void showsWhatTheApiWrote() {
        long call = data.db().insert("INSERT INTO calls (source, external_id, direction, status, created_at) "
                + "VALUES ('mango', 'x-1', 'inbound', 'answered', now()) RETURNING id");
        assertEquals(200, boss.patch("/api/calls/" + call, Map.of("note", "called back")).status());

        List<Map<String, Object>> entries = boss.get("/api/audit?entity=call&actor=boss").list();
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(String.valueOf(call), entries.get(0).get("entityId"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> changes = (Map<String, Map<String, Object>>) entries.get(0).get("changes");
        assertEquals(List.of("note"), List.copyOf(changes.keySet()));
        assertEquals("called back", changes.get("note").get("to"));
    }

    @Test
    void filtersByActorEntityAndMoscowDays() {
        long wanted = entry("2025-03-01T22:30:00Z", "olga", "call", "{}");
        entry("2025-03-01T20:00:00Z", "olga", "call", "{}");
        entry("2025-03-02T10:00:00Z", "sue", "call", "{}");
        entry("2025-03-02T10:00:00Z", "olga", "operator", "{}");

        assertEquals(List.of(wanted), ids(boss.get("/api/audit?actor=olga&entity=call&dateFrom=2025-03-02&dateTo=2025-03-02")));
    }

    @Test
    void badFiltersAre400NamingTheField() {
        Map<String, String> badQueries = Map.of(
                "limit", "limit=500",
                "dateFrom", "dateFrom=2024-13-01",
                "dateTo", "dateTo=tomorrow");
        badQueries.forEach((field, query) -> {
            Api.Reply reply = boss.get("/api/audit?" + query);
            assertEquals(400, reply.status(), query + " -> " + reply);
            assertTrue(reply.errorFields().containsKey(field), query + " -> " + reply);
        });
    }

    @Test
    void onlyAdminsMayReadIt() {
        assertEquals(403, api.login("olga", TestData.PASSWORD).get("/api/audit").status());
        assertEquals(403, api.login("sue", TestData.PASSWORD).get("/api/audit").status());
    }

    @Test
    void withoutATokenIs401() {
        assertEquals(401, api.get("/api/audit").status());
    }

    private long entry(String at, String actorLogin, String entity, String changes) {
        return data.db().insert("INSERT INTO audit_log (at, actor_id, actor_login, ip, action, entity, entity_id, changes) "
                        + "VALUES (?, NULL, ?, '10.0.0.1', 'update', ?, ?, ?) RETURNING id",
                Instant.parse(at), actorLogin, entity, String.valueOf(olga), new Db.Jsonb(changes));
    }

    private static List<Long> ids(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.list().stream().map(entry -> ((Number) entry.get("id")).longValue()).toList();
    }
}
