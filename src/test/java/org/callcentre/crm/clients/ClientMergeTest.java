package org.callcentre.crm.clients;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two cards of one person become one: everything of the duplicate moves, the duplicate goes. */
@MicronautTest(transactional = false)
class ClientMergeTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api olga;
    Api sveta;
    long kazan;
    long ivan;
    long vanya;

    @BeforeEach
    void setUp() {
        data.reset();
        kazan = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", kazan, "101");
        data.user("sveta", "supervisor", null, null);
        Api api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        sveta = api.login("sveta", TestData.PASSWORD);
        assertEquals(201, olga.post("/api/orders", Map.of("phone", "+79161234567", "clientName", "Иван")).status());
        assertEquals(201, olga.post("/api/orders", Map.of("phone", "+79031112233", "clientName", "Ваня")).status());
        ivan = data.db().queryLong("SELECT client_id FROM client_phones WHERE phone = '+79161234567'");
        vanya = data.db().queryLong("SELECT client_id FROM client_phones WHERE phone = '+79031112233'");
        assertEquals(200, olga.patch("/api/clients/" + vanya, Map.of("tags", List.of("опт"), "vip", true)).status());
        assertEquals(201, olga.post("/api/clients/" + vanya + "/notes", Map.of("text", "второй номер Ивана")).status());
        data.db().update("INSERT INTO calls (source, external_id, client_id, direction, status, created_at) VALUES ('mango', 'e-1', ?, 'inbound', 'missed', now())", vanya);
        data.db().update("""
                INSERT INTO tasks (kind, title, client_id, phone, city_id, missed, missed_count, due_at, last_missed_at) VALUES
                ('callback', 'Перезвонить', ?, '+79161234567', ?, true, 1, now(), now()),
                ('callback', 'Перезвонить', ?, '+79031112233', ?, true, 1, now(), now())""", ivan, kazan, vanya, kazan);
    }

    @Test
    void theDuplicatesPhonesNotesCallsOrdersAndFlagsMoveToTheSurvivor() {
        Api.Reply reply = sveta.post("/api/clients/" + ivan + "/merge", Map.of("duplicateId", vanya));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(List.of("+79161234567", "+79031112233"), reply.data().get("phones"));
        assertEquals(List.of("опт"), reply.data().get("tags"));
        assertEquals(true, reply.data().get("vip"));
        assertEquals("Иван", reply.data().get("name"));
        assertEquals(0L, data.db().queryLong("SELECT count(*) FROM clients WHERE id = ?", vanya));
        assertEquals(2L, data.db().queryLong("SELECT count(*) FROM orders WHERE client_id = ?", ivan));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM calls WHERE client_id = ?", ivan));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM client_notes WHERE client_id = ?", ivan));
        assertEquals(List.of("cancelled", "open"), data.db().query(
                "SELECT status FROM tasks WHERE client_id = ? AND missed ORDER BY status", rs -> rs.getString(1), ivan),
                "one open missed-call call-back per client: the duplicate's is cancelled");
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'merge' AND entity = 'client' "
                + "AND entity_id = ? AND actor_login = 'sveta' AND (changes->>'duplicateId')::bigint = ?", String.valueOf(ivan), vanya));
    }

    @Test
    void aMissingOrSameDuplicateIs400NamingTheField() {
        for (Map<String, Object> body : List.of(Map.<String, Object>of(), Map.<String, Object>of("duplicateId", ivan),
                Map.<String, Object>of("duplicateId", 999999))) {
            Api.Reply reply = sveta.post("/api/clients/" + ivan + "/merge", body);
            assertEquals(400, reply.status(), body + ": " + reply);
            assertTrue(reply.errorFields().containsKey("duplicateId"), reply::toString);
        }
        assertEquals(2L, data.count("clients"));
    }

    @Test
    void anOperatorMergesOnlyWithinTheirCity() {
        long samara = data.city("Самара", "Europe/Samara");
        long samaraClient = data.db().insert("INSERT INTO clients (name, city_id) VALUES ('Самарский', ?) RETURNING id", samara);
        assertEquals(404, olga.post("/api/clients/" + samaraClient + "/merge", Map.of("duplicateId", ivan)).status());
        Api.Reply intoKazan = olga.post("/api/clients/" + ivan + "/merge", Map.of("duplicateId", samaraClient));
        assertEquals(400, intoKazan.status());
        assertTrue(intoKazan.errorFields().containsKey("duplicateId"), intoKazan::toString);
        assertEquals(3L, data.count("clients"));
        assertEquals(200, olga.post("/api/clients/" + ivan + "/merge", Map.of("duplicateId", vanya)).status());
        assertEquals(2L, data.count("clients"));
    }
}
