package org.callcentre.crm.telephony.mango;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Click-to-call with {@code crm.click-to-call=mango} against a local HTTP server that checks the
 * request the way Mango's API does (form fields, key, signature) and answers like it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MangoClickToCallTest implements TestPropertyProvider {
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private HttpServer mangoApi;
    private volatile String answer = "{\"result\":1000}";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api operator;

    @Override
    public Map<String, String> getProperties() {
        try {
            mangoApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        mangoApi.createContext("/vpbx/commands/callback", exchange -> {
            Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean signed = MangoWebhooks.KEY.equals(form.get("vpbx_api_key"))
                    && MangoSignature.sign(MangoWebhooks.KEY, form.get("json"), MangoWebhooks.SALT).equals(form.get("sign"));
            received.add(form);
            byte[] body = (signed ? answer : "{\"result\":3102}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        mangoApi.start();
        return Map.of("crm.click-to-call", "mango",
                "crm.mango.api-url", "http://127.0.0.1:" + mangoApi.getAddress().getPort() + "/vpbx/",
                "crm.originate.max-per-user", "2");
    }

    @AfterAll
    void stopMango() {
        mangoApi.stop(0);
    }

    @BeforeEach
    void setUp() {
        data.reset();
        received.clear();
        answer = "{\"result\":1000}";
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        operator = new Api(client).login("olga", TestData.PASSWORD);
    }

    @Test
    void aSignedCallbackCommandRingsTheOperatorsExtensionThenTheClient() {
        Api.Reply reply = operator.post("/api/calls/originate", Map.of("phone", "8 916 123-45-67"));
        assertEquals(202, reply.status(), reply.toString());
        assertEquals(1, received.size());
        String json = received.get(0).get("json");
        assertTrue(json.contains("\"from\":{\"extension\":\"101\"}"), json);
        assertTrue(json.contains("\"to_number\":\"79161234567\""), json);
        assertTrue(json.contains("\"command_id\":\"crm-"), json);
        assertEquals(1, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'originate'"));
    }

    @Test
    void aRefusalByMangoIs502AndNotAudited() {
        answer = "{\"result\":4001}";
        Api.Reply reply = operator.post("/api/calls/originate", Map.of("phone", "+79161234567"));
        assertEquals(502, reply.status(), reply.toString());
        assertEquals(0, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'originate'"));
    }

    /** Premium-rate and foreign numbers cost the company money an operator should not spend: refused before Mango hears of them. */
    @Test
    void premiumRateAndForeignNumbersAreRefusedBeforeThePbxHearsOfThem() {
        for (String number : List.of("+78091234567", "+12025550123", "+77012345678", "+442079460000")) {
            Api.Reply reply = operator.post("/api/calls/originate", Map.of("phone", number));
            assertEquals(400, reply.status(), number + ": " + reply);
            assertTrue(reply.errorFields().containsKey("phone"), reply.toString());
        }
        assertEquals(List.of(), received);
        assertEquals(202, operator.post("/api/calls/originate", Map.of("phone", "8 800 555-35-35")).status(), "8-800 is free to call");
        assertEquals(202, operator.post("/api/calls/originate", Map.of("phone", "+78432507713")).status(), "a Kazan landline");
        assertEquals(2, received.size());
    }

    @Test
    void aUserPlacesAtMostTheirShareOfCallsInTheWindow() {
        assertEquals(202, operator.post("/api/calls/originate", Map.of("phone", "+79161234567")).status());
        assertEquals(202, operator.post("/api/calls/originate", Map.of("phone", "+79161234568")).status());
        Api.Reply third = operator.post("/api/calls/originate", Map.of("phone", "+79161234569"));
        assertEquals(429, third.status(), third.toString());
        assertEquals(2, received.size(), "the third call never reached Mango");

        data.user("petr", "operator", data.db().queryLong("SELECT id FROM cities"), "102");
        Api petr = new Api(client).login("petr", TestData.PASSWORD);
        assertEquals(202, petr.post("/api/calls/originate", Map.of("phone", "+79161234569")).status(), "another operator's own share");
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
