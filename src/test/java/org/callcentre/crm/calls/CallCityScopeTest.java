package org.callcentre.crm.calls;

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

import static org.callcentre.crm.calls.CallListFiltersTest.encode;
import static org.callcentre.crm.calls.CallListFiltersTest.ids;
import static org.callcentre.crm.calls.CallRows.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class CallCityScopeTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    long inKazan;
    long inOmsk;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        long omsk = data.city("Омск", "Asia/Omsk");
        data.user("olga", "operator", kazan, "101");
        data.user("sue", "supervisor", null, null);
        data.user("boss", "admin", null, null);
        inKazan = call(data.db()).city(kazan).at("2025-03-01T10:00:00Z").insert();
        inOmsk = call(data.db()).city(omsk).at("2025-03-01T11:00:00Z").insert();
        api = new Api(client);
    }

    @Test
    void operatorListsOnlyCallsOfTheirCity() {
        Api olga = api.login("olga", TestData.PASSWORD);
        assertEquals(List.of(inKazan), ids(olga.get("/api/calls")));
        assertEquals(List.of(), ids(olga.get("/api/calls?city=" + encode("Омск"))));
    }

    @Test
    void callOfAnotherCityIsNotFoundForAnOperator() {
        Api olga = api.login("olga", TestData.PASSWORD);
        assertEquals(200, olga.get("/api/calls/" + inKazan).status());
        assertEquals(404, olga.get("/api/calls/" + inOmsk).status());
        assertEquals(404, olga.patch("/api/calls/" + inOmsk, Map.of("note", "mine now")).status());
        assertEquals(0, data.count("audit_log WHERE entity = 'call'"));
    }

    @Test
    void supervisorsAndAdminsSeeEveryCity() {
        for (String login : List.of("sue", "boss")) {
            Api user = api.login(login, TestData.PASSWORD);
            assertEquals(List.of(inOmsk, inKazan), ids(user.get("/api/calls")));
            assertEquals(200, user.get("/api/calls/" + inOmsk).status());
        }
    }

    @Test
    void unknownCallIs404() {
        assertEquals(404, api.login("boss", TestData.PASSWORD).get("/api/calls/999999").status());
    }
}
