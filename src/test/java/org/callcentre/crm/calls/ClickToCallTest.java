package org.callcentre.crm.calls;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/calls/originate} when no PBX can place calls, and who may ask at all. */
@MicronautTest(transactional = false)
class ClickToCallTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", kazan, "101");
        data.user("boss", "admin", null, null);
        api = new Api(client);
    }

    @Test
    void withoutAClickToCallPbxItIs409SayingSo() {
        Api.Reply reply = api.login("olga", TestData.PASSWORD).post("/api/calls/originate", Map.of("phone", "+79161234567"));
        assertEquals(409, reply.status(), reply.toString());
        assertTrue(reply.error().get("message").toString().contains("Click-to-call is not configured"), reply.toString());
        assertEquals(0, data.count("audit_log WHERE action = 'originate'"));
    }

    @Test
    void aMissingPhoneIs400NamingIt() {
        Api.Reply reply = api.login("olga", TestData.PASSWORD).post("/api/calls/originate", Map.of());
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorFields().containsKey("phone"), reply.toString());
    }

    @Test
    void adminsAre403AndAnonymousIs401() {
        assertEquals(403, api.login("boss", TestData.PASSWORD).post("/api/calls/originate", Map.of("phone", "+79161234567")).status());
        assertEquals(401, api.post("/api/calls/originate", Map.of("phone", "+79161234567")).status());
    }
}
