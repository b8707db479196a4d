package org.callcentre.crm.clients;

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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ClientSearchTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api olga;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        order("+79161234567", "Иван Петров");
        order("+79169990000", "Мария Иванова");
        order("+79031112233", "Пётр 100%");
    }

    private void order(String phone, String name) {
        assertEquals(201, olga.post("/api/orders", Map.of("phone", phone, "clientName", name)).status());
    }

    private List<String> names(String query) {
        Api.Reply reply = olga.get("/api/clients" + query);
        assertEquals(200, reply.status(), reply.toString());
        return reply.list().stream().map(c -> (String) c.get("name")).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aPhoneInAnyWritingFindsExactlyItsClient() {
        assertEquals(List.of("Иван Петров"), names("?phone=" + encode("8 916 123-45-67")));
        assertEquals(List.of("Иван Петров"), names("?phone=" + encode("+7 (916) 123-45-67")));
        assertEquals(List.of(), names("?phone=" + encode("+79161234568")));
    }

    @Test
    void qSearchesNamesAndPhoneDigits() {
        assertEquals(List.of("Мария Иванова", "Иван Петров"), names("?q=" + encode("иван")));
        assertEquals(List.of("Мария Иванова", "Иван Петров"), names("?q=916"));
        assertEquals(List.of("Пётр 100%"), names("?q=" + encode("100%")));
        assertEquals(List.of(), names("?q=" + encode("и%")), "a wildcard in q is a plain character");
    }

    @Test
    void aWholeNumberTypedInQFindsItsClientWhateverTheWriting() {
        assertEquals(List.of("Иван Петров"), names("?q=" + encode("8 (916) 123-45-67")));
        assertEquals(List.of("Иван Петров"), names("?q=" + encode("+7 916 1234567")));
    }

    @Test
    void aTagFindsTheClientsThatCarryIt() {
        long ivan = data.db().queryLong("SELECT client_id FROM client_phones WHERE phone = '+79161234567'");
        assertEquals(200, olga.patch("/api/clients/" + ivan, Map.of("tags", List.of("VIP-заказчик", "опт"))).status());
        assertEquals(List.of("Иван Петров"), names("?tag=" + encode("опт")));
        assertEquals(List.of(), names("?tag=" + encode("оп")), "a tag matches whole");
    }

    @Test
    void theListShowsTheLastContactReadFromCallsAndChats() {
        long ivan = data.db().queryLong("SELECT client_id FROM client_phones WHERE phone = '+79161234567'");
        data.db().update("INSERT INTO calls (source, external_id, client_id, direction, status, created_at) "
                + "VALUES ('mango', 'e-1', ?, 'inbound', 'missed', '2026-02-01T10:00:00Z'), "
                + "('mango', 'e-2', ?, 'inbound', 'answered', '2026-02-03T10:00:00Z')", ivan, ivan);
        Map<String, Object> row = olga.get("/api/clients?q=" + encode("Иван П")).list().get(0);
        assertEquals("2026-02-03T10:00:00Z", row.get("lastContactAt"));
        assertEquals(null, olga.get("/api/clients?q=" + encode("Мария")).list().get(0).get("lastContactAt"));
    }

    @Test
    void newestFirstWithPagination() {
        Api.Reply reply = olga.get("/api/clients?limit=2");
        assertEquals(List.of("Пётр 100%", "Мария Иванова"), reply.list().stream().map(c -> c.get("name")).toList());
        assertEquals(3, ((Number) reply.pagination().get("total")).intValue());
        assertEquals(List.of("+79031112233"), reply.list().get(0).get("phones"));
    }

    @Test
    void badQueriesAre400NamingTheParameter() {
        for (String query : List.of("?phone=abc", "?limit=101", "?limit=0", "?page=0")) {
            Api.Reply reply = olga.get("/api/clients" + query);
            assertEquals(400, reply.status(), query + ": " + reply);
            assertTrue(reply.errorFields().containsKey(query.substring(1, query.indexOf('='))), query + ": " + reply);
        }
    }

    @Test
    void withoutATokenIs401() {
        assertEquals(401, api.get("/api/clients").status());
    }
}
