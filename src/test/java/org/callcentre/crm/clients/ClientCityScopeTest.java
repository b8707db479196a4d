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

@MicronautTest(transactional = false)
class ClientCityScopeTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api olgaInKazan;
    Api supervisor;
    long samaraClient;
    long cityless;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        long samara = data.city("Самара", "Europe/Samara");
        data.user("olga", "operator", kazan, "101");
        data.user("sveta", "supervisor", null, null);
        Api api = new Api(client);
        olgaInKazan = api.login("olga", TestData.PASSWORD);
        supervisor = api.login("sveta", TestData.PASSWORD);
        assertEquals(201, olgaInKazan.post("/api/orders", Map.of("phone", "+79161234567", "clientName", "Казанский")).status());
        assertEquals(201, supervisor.post("/api/orders", Map.of("phone", "+79270000001", "city", "Самара", "clientName", "Самарский")).status());
        samaraClient = data.db().queryLong("SELECT client_id FROM client_phones WHERE phone = '+79270000001'");
        cityless = data.db().insert("INSERT INTO clients (name) VALUES ('Без города') RETURNING id");
        assertEquals(samara, data.db().queryLong("SELECT city_id FROM clients WHERE id = ?", samaraClient));
    }

    @Test
    void anOperatorSeesClientsOfTheirCityAndThoseOfNoCity() {
        List<Object> names = olgaInKazan.get("/api/clients").list().stream().map(c -> c.get("name")).toList();
        assertEquals(List.of("Без города", "Казанский"), names);
        assertEquals(3, supervisor.get("/api/clients").list().size());
    }

    @Test
    void anotherCitysClientIsNotFoundForAnOperator() {
        assertEquals(404, olgaInKazan.get("/api/clients/" + samaraClient).status());
        assertEquals(404, olgaInKazan.post("/api/clients/" + samaraClient + "/notes", Map.of("text", "hi")).status());
        assertEquals(200, olgaInKazan.get("/api/clients/" + cityless).status());
        assertEquals(200, supervisor.get("/api/clients/" + samaraClient).status());
        assertEquals(0, data.count("client_notes"));
    }

    @Test
    void anOperatorSeesOnlyTheirCitysCallsInAClientCard() {
        long kazan = data.db().queryLong("SELECT id FROM cities WHERE name = 'Казань'");
        long samara = data.db().queryLong("SELECT id FROM cities WHERE name = 'Самара'");
        for (long city : new long[] {kazan, samara}) {
            data.db().update("INSERT INTO calls (source, external_id, city_id, client_id, client_phone, direction, status, created_at) "
                    + "VALUES ('mango', ?, ?, ?, '+79990000000', 'inbound', 'answered', now())", "call-" + city, city, cityless);
        }
        List<Long> seen = ((List<?>) olgaInKazan.get("/api/clients/" + cityless).data().get("lastCalls")).stream()
                .map(call -> ((Number) ((Map<?, ?>) call).get("id")).longValue()).toList();
        assertEquals(List.of(data.db().queryLong("SELECT id FROM calls WHERE city_id = ?", kazan)), seen);
        assertEquals(2, ((List<?>) supervisor.get("/api/clients/" + cityless).data().get("lastCalls")).size());
    }

    @Test
    void anOperatorMovesAClientOnlyIntoTheirOwnCity() {
        long kazanClient = data.db().queryLong("SELECT client_id FROM client_phones WHERE phone = '+79161234567'");
        assertEquals(403, olgaInKazan.patch("/api/clients/" + kazanClient, Map.of("city", "Самара")).status());
        assertEquals(403, olgaInKazan.patch("/api/clients/" + cityless, Map.of("city", "Самара")).status());
        assertEquals(0L, data.db().queryLong("SELECT count(*) FROM clients c JOIN cities ci ON ci.id = c.city_id "
                + "WHERE ci.name = 'Самара' AND c.id <> ?", samaraClient), "nothing moved");
        assertEquals(200, olgaInKazan.patch("/api/clients/" + cityless, Map.of("city", "Казань")).status());
        assertEquals(200, olgaInKazan.patch("/api/clients/" + kazanClient, Map.of("name", "Казанский 2")).status());
        assertEquals(200, supervisor.patch("/api/clients/" + kazanClient, Map.of("city", "Самара")).status());
    }
}
