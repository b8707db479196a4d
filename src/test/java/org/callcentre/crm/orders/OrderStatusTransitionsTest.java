package org.callcentre.crm.orders;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OrderStatusTransitionsTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api olga;
    Api boss;
    long changedMind;
    long retired;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", kazan, "101");
        data.user("boss", "supervisor", null, null);
        Api api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        boss = api.login("boss", TestData.PASSWORD);
        changedMind = data.resultCode("cancel_reason", "Клиент передумал");
        retired = data.resultCode("cancel_reason", "Старая причина");
        data.db().update("UPDATE result_codes SET active = false WHERE id = ?", retired);
    }

    /** An order with its amounts, so that completing it is a matter of the status machine only (OrderCompletionTest). */
    private long newOrder() {
        Api.Reply reply = olga.post("/api/orders", Map.of("phone", "+79161234567", "result", 3000, "expenditure", 1200));
        assertEquals(201, reply.status(), reply.toString());
        return ((Number) reply.data().get("id")).longValue();
    }

    /** A cancellation names its reason (see {@link #aCancellationWithoutAnActiveReasonIs400NamingCancelReasonId}). */
    private Api.Reply move(Api who, long id, String status) {
        return who.patch("/api/orders/" + id, "cancelled".equals(status) ? Map.of("status", status, "cancelReasonId", changedMind)
                : Map.of("status", status));
    }

    @Test
    void aCancellationWithoutAnActiveReasonIs400NamingCancelReasonId() {
        long id = newOrder();
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("status", "cancelled"),
                Map.of("status", "cancelled", "cancelReasonId", retired), Map.of("status", "cancelled", "cancelReasonId", 999_999))) {
            Api.Reply reply = olga.patch("/api/orders/" + id, body);
            assertEquals(400, reply.status(), body + ": " + reply);
            assertEquals(List.of("cancelReasonId"), List.copyOf(reply.errorFields().keySet()), reply.toString());
        }
        assertEquals("new", boss.get("/api/orders/" + id).data().get("status"));
        assertEquals(0, data.count("audit_log WHERE entity = 'order' AND action = 'update'"));
    }

    @Test
    void aCancelledOrderShowsItsReasonUntilItIsReopened() {
        long id = newOrder();
        Api.Reply cancelled = move(olga, id, "cancelled");
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("Клиент передумал", cancelled.data().get("cancelReason"));
        assertEquals(changedMind, ((Number) cancelled.data().get("cancelReasonId")).longValue());
        Api.Reply reopened = move(boss, id, "new");
        assertNull(reopened.data().get("cancelReasonId"));
    }

    /** Walks the statuses in order on a fresh order; every move must succeed. */
    private void walk(Api who, String... path) {
        long id = newOrder();
        for (String status : path) {
            Api.Reply reply = move(who, id, status);
            assertEquals(200, reply.status(), String.join(" → ", path) + " at " + status + ": " + reply);
            assertEquals(status, reply.data().get("status"));
        }
    }

    @Test
    void everyLegalPathIsAllowed() {
        walk(boss, "assigned");
        walk(boss, "cancelled");
        walk(boss, "assigned", "in_progress");
        walk(boss, "assigned", "new");
        walk(boss, "assigned", "cancelled");
        walk(boss, "assigned", "in_progress", "completed");
        walk(boss, "assigned", "in_progress", "cancelled");
        walk(boss, "cancelled", "new");
        walk(boss, "assigned", "new", "assigned", "in_progress", "completed");
    }

    @Test
    void settingTheCurrentStatusAgainIsNoMove() {
        walk(boss, "new");
        walk(boss, "assigned", "in_progress", "completed", "completed");
    }

    private record Illegal(List<String> before, String to, String allowed) {
    }

    @Test
    void anIllegalMoveIs409ListingTheAllowedOnes() {
        List<Illegal> cases = List.of(
                new Illegal(List.of(), "in_progress", "assigned, cancelled"),
                new Illegal(List.of(), "completed", "assigned, cancelled"),
                new Illegal(List.of("assigned"), "completed", "in_progress, new, cancelled"),
                new Illegal(List.of("assigned", "in_progress"), "new", "completed, cancelled"),
                new Illegal(List.of("assigned", "in_progress"), "assigned", "completed, cancelled"),
                new Illegal(List.of("cancelled"), "assigned", "new"),
                new Illegal(List.of("cancelled"), "completed", "new"),
                new Illegal(List.of("assigned", "in_progress", "completed"), "new", "none, completed is final"),
                new Illegal(List.of("assigned", "in_progress", "completed"), "cancelled", "none, completed is final"));
        for (Illegal c : cases) {
            long id = newOrder();
            c.before().forEach(status -> assertEquals(200, move(boss, id, status).status()));
            String current = c.before().isEmpty() ? "new" : c.before().get(c.before().size() - 1);
            Api.Reply reply = move(boss, id, c.to());
            assertEquals(409, reply.status(), c + ": " + reply);
            assertTrue(((String) reply.error().get("message")).endsWith("allowed: " + c.allowed()), reply.toString());
            assertEquals(current, boss.get("/api/orders/" + id).data().get("status"));
        }
    }

    @Test
    void closingSetsClosedAtAndReopeningClearsIt() {
        long id = newOrder();
        Api.Reply cancelled = move(boss, id, "cancelled");
        assertNotNull(cancelled.data().get("closedAt"));
        Api.Reply reopened = move(boss, id, "new");
        assertNull(reopened.data().get("closedAt"));

        move(boss, id, "assigned");
        assertNull(move(boss, id, "in_progress").data().get("closedAt"));
        assertNotNull(move(boss, id, "completed").data().get("closedAt"));
    }

    @Test
    void anOperatorMovesTheirOrdersButCannotReopenACancelledOne() {
        long id = newOrder();
        assertEquals(200, move(olga, id, "assigned").status());
        assertEquals(200, move(olga, id, "cancelled").status());
        Api.Reply reopen = move(olga, id, "new");
        assertEquals(403, reopen.status(), reopen.toString());
        assertEquals("cancelled", boss.get("/api/orders/" + id).data().get("status"));
    }

    @Test
    void anUnknownStatusIs400() {
        long id = newOrder();
        Api.Reply reply = move(boss, id, "done");
        assertEquals(400, reply.status());
        assertTrue(reply.errorFields().containsKey("status"));
    }

    @Test
    void everyChangeIsAudited() {
        long id = newOrder();
        move(boss, id, "assigned");
        String change = data.db().queryOne("SELECT changes->'status'->>'from' || ' → ' || (changes->'status'->>'to') FROM audit_log "
                + "WHERE entity = 'order' AND action = 'update' AND entity_id = ? AND actor_login = 'boss'",
                rs -> rs.getString(1), String.valueOf(id)).orElseThrow();
        assertEquals("new → assigned", change);
    }
}
