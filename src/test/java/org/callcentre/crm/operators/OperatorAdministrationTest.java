package org.callcentre.crm.operators;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OperatorAdministrationTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;

    Api anonymous;
    Api admin;
    Api supervisor;
    Api operator;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("root", "admin", null, null);
        data.user("sveta", "supervisor", null, null);
        data.user("olga", "operator", kazan, "101");
        anonymous = new Api(client);
        admin = anonymous.login("root", TestData.PASSWORD);
        supervisor = anonymous.login("sveta", TestData.PASSWORD);
        operator = anonymous.login("olga", TestData.PASSWORD);
    }

    private static Map<String, Object> newOperator() {
        Map<String, Object> body = new HashMap<>();
        body.put("login", "ivan");
        body.put("password", "long-enough-password");
        body.put("name", "Иван Петров");
        body.put("role", "operator");
        body.put("city", "Казань");
        body.put("sipAddress", "102");
        return body;
    }

    @Test
    void adminCreatesAnOperatorWhoCanLogIn() {
        Api.Reply created = admin.post("/api/operators", newOperator());
        assertEquals(201, created.status(), created.toString());
        assertEquals("ivan", created.data().get("login"));
        assertEquals("Казань", created.data().get("city"));
        assertEquals("102", created.data().get("sipAddress"));
        assertEquals("active", created.data().get("status"));
        assertEquals("offline", created.data().get("statusWork"));
        assertFalse(created.data().containsKey("password"));
        assertFalse(created.data().containsKey("passwordHash"));

        anonymous.login("ivan", "long-enough-password");
        String changes = data.db().queryOne("SELECT changes::text FROM audit_log WHERE entity = 'operator' AND action = 'create'",
                rs -> rs.getString(1)).orElseThrow();
        assertFalse(changes.contains("long-enough-password"), changes);
        assertTrue(changes.contains("***"), changes);
    }

    @Test
    void operatorTokenIsRefusedOnOperatorAdministration() {
        assertEquals(403, operator.get("/api/operators").status());
        assertEquals(403, operator.post("/api/operators", newOperator()).status());
        assertEquals(403, supervisor.post("/api/operators", newOperator()).status());
        assertEquals(401, anonymous.get("/api/operators").status());
        assertEquals(3, data.count("operators"));
    }

    @Test
    void supervisorReadsTheOperatorList() {
        Api.Reply list = supervisor.get("/api/operators?limit=2&page=1");
        assertEquals(200, list.status());
        assertEquals(2, list.list().size());
        assertEquals(3, ((Number) list.pagination().get("total")).intValue());
        assertEquals(2, ((Number) list.pagination().get("totalPages")).intValue());
    }

    @Test
    void limitOver100Is400() {
        Api.Reply reply = admin.get("/api/operators?limit=101");
        assertEquals(400, reply.status());
        assertTrue(reply.errorFields().containsKey("limit"));
    }

    @Test
    void badFieldsAre400NamingEachAndWriteNothing() {
        Map<String, Object> body = newOperator();
        body.put("role", "boss");
        body.put("city", "Атлантида");
        body.put("sipAddress", "PJSIP/101");
        body.put("password", "short");
        Api.Reply reply = admin.post("/api/operators", body);
        assertEquals(400, reply.status());
        assertEquals(java.util.Set.of("role", "city", "sipAddress", "password"), reply.errorFields().keySet());
        assertEquals(3, data.count("operators"));
    }

    @Test
    void duplicateLoginOrExtensionIs409() {
        Map<String, Object> body = newOperator();
        body.put("login", "olga");
        assertEquals(409, admin.post("/api/operators", body).status());
        body.put("login", "ivan");
        body.put("sipAddress", "101");
        assertEquals(409, admin.post("/api/operators", body).status());
        assertEquals(3, data.count("operators"));
    }

    @Test
    void blockingAnOperatorEndsTheirRefreshTokens() {
        Api.Reply login = anonymous.post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD));
        long olgaId = data.db().queryLong("SELECT id FROM operators WHERE login = 'olga'");
        assertEquals(200, admin.patch("/api/operators/" + olgaId, Map.of("status", "inactive")).status());
        assertEquals(401, anonymous.post("/api/auth/refresh", Map.of("refreshToken", login.body().get("refreshToken"))).status());
        assertEquals(401, anonymous.post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD)).status());
    }

    @Test
    void workStatusChangesAreKeptInTheHistory() {
        assertEquals("working", operator.put("/api/operators/me/status", Map.of("statusWork", "working")).data().get("statusWork"));
        assertEquals("break", operator.put("/api/operators/me/status", Map.of("statusWork", "break")).data().get("statusWork"));
        long olgaId = data.db().queryLong("SELECT id FROM operators WHERE login = 'olga'");
        assertEquals(2, data.db().queryLong("SELECT count(*) FROM operator_status_history WHERE operator_id = ?", olgaId));
        assertEquals(1, data.db().queryLong("SELECT count(*) FROM operator_status_history WHERE operator_id = ? AND ended_at IS NULL", olgaId));
        Api.Reply bad = operator.put("/api/operators/me/status", Map.of("statusWork", "sleeping"));
        assertEquals(400, bad.status());
        assertTrue(bad.errorFields().containsKey("statusWork"));
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        Api.Reply wrong = operator.put("/api/operators/me/password", Map.of("currentPassword", "nope-nope-nope", "newPassword", "a-new-long-password"));
        assertEquals(400, wrong.status());
        assertTrue(wrong.errorFields().containsKey("currentPassword"));
        assertEquals(200, operator.put("/api/operators/me/password",
                Map.of("currentPassword", TestData.PASSWORD, "newPassword", "a-new-long-password")).status());
        anonymous.login("olga", "a-new-long-password");
        assertEquals(401, anonymous.post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD)).status());
    }

    @Test
    void operatorWithCallsCannotBeDeletedButCanBeBlocked() {
        long ivan = ((Number) admin.post("/api/operators", newOperator()).data().get("id")).longValue();
        data.db().update("INSERT INTO calls (source, external_id, direction, status, operator_id, created_at) VALUES ('mango', 'e1', 'inbound', 'answered', ?, now())", ivan);
        assertEquals(409, admin.delete("/api/operators/" + ivan).status());
        long other = ((Number) admin.post("/api/operators", Map.of("login", "temp", "password", "long-enough-password",
                "name", "Temp", "role", "supervisor")).data().get("id")).longValue();
        assertEquals(200, admin.delete("/api/operators/" + other).status());
        assertEquals(404, admin.get("/api/operators/" + other).status());
    }
}
