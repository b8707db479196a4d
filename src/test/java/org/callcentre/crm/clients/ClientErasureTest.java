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
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A client's request to erase their personal data (152-ФЗ): the card keeps no name, number or words of theirs. */
@MicronautTest(transactional = false)
class ClientErasureTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api olga;
    Api sveta;
    long ivan;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", kazan, "101");
        data.user("sveta", "supervisor", null, null);
        Api api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        sveta = api.login("sveta", TestData.PASSWORD);
        assertEquals(201, olga.post("/api/orders", Map.of("phone", "+79161234567", "clientName", "Иван Петров",
                "address", "ул. Садовая, д. 12")).status());
        ivan = data.db().queryLong("SELECT client_id FROM client_phones WHERE phone = '+79161234567'");
        assertEquals(200, olga.patch("/api/clients/" + ivan, Map.of("tags", List.of("опт"))).status());
        assertEquals(201, olga.post("/api/clients/" + ivan + "/notes", Map.of("text", "живёт на Садовой")).status());
        long call = data.db().insert("INSERT INTO calls (source, external_id, client_id, client_phone, direction, status, created_at) "
                + "VALUES ('mango', 'e-1', ?, '+79161234567', 'inbound', 'answered', now()) RETURNING id", ivan);
        data.db().update("INSERT INTO transcripts (call_id, engine, language, text) VALUES (?, 'vosk', 'ru', 'я Иван с Садовой')", call);
        data.db().update("INSERT INTO call_drafts (call_id, draft, generator) VALUES (?, '{\"address\": \"Садовая 12\"}', 'rules')", call);
    }

    @Test
    void nameNumbersNotesAndAddressesAreErasedAndTheErasureAudited() {
        Api.Reply reply = sveta.post("/api/clients/" + ivan + "/anonymise", Map.of());
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(true, reply.data().get("anonymised"));
        assertEquals(null, reply.data().get("name"));
        assertEquals(List.of(), reply.data().get("phones"));
        assertEquals(List.of(), reply.data().get("notes"));
        String everything = data.db().query("""
                SELECT concat_ws('|', c.name, array_to_string(c.tags, ','), o.client_name, o.address, o.phone, x.client_phone)
                  FROM clients c JOIN orders o ON o.client_id = c.id JOIN calls x ON x.client_id = c.id WHERE c.id = ?""",
                rs -> rs.getString(1), ivan).toString();
        for (String personal : List.of("Иван", "Садовая", "9161234567", "опт")) {
            assertFalse(everything.contains(personal), personal + " left in " + everything);
        }
        assertEquals(0L, data.count("client_phones"));
        assertEquals(0L, data.count("transcripts"), "the call's words are the client's words");
        assertEquals(0L, data.count("call_drafts"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM calls WHERE client_id = ?", ivan), "the call stays counted");
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'anonymise' AND actor_login = 'sveta' "
                + "AND entity_id = ?", String.valueOf(ivan)));
        assertFalse(data.db().query("SELECT changes::text FROM audit_log WHERE action = 'anonymise'", rs -> rs.getString(1))
                .toString().contains("9161234567"), "the audit entry names no personal data");
    }

    @Test
    void operatorsMayNotEraseAndAnErasedClientTakesNoNewName() {
        assertEquals(403, olga.post("/api/clients/" + ivan + "/anonymise", Map.of()).status());
        assertEquals("Иван Петров", olga.get("/api/clients/" + ivan).data().get("name"));
        assertEquals(200, sveta.post("/api/clients/" + ivan + "/anonymise", Map.of()).status());
        Api.Reply rename = olga.patch("/api/clients/" + ivan, Map.of("name", "Иван"));
        assertEquals(400, rename.status());
        assertEquals(true, rename.errorFields().containsKey("name"));
        assertEquals(404, sveta.post("/api/clients/999999/anonymise", Map.of()).status());
    }
}
