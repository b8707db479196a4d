package org.callcentre.crm.telephony.ami;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A configured Asterisk that cannot be reached makes {@code /health} DOWN, naming {@code ami}. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiHealthTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;

    private final int port = aPortNobodyListensOn();

    @Override
    public Map<String, String> getProperties() {
        return AmiTestServer.connectionTo(port);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnreachableAsteriskIsDown() {
        data.reset();
        data.user("boss", "admin", null, null);
        Api.Reply health = new Api(client).login("boss", TestData.PASSWORD).get("/health");
        assertEquals(503, health.status(), health.toString());
        Map<String, Object> ami = (Map<String, Object>) ((Map<String, Object>) health.body().get("details")).get("ami");
        assertEquals("DOWN", ami.get("status"), health.toString());
    }

    /** Operators read /health too: it says the PBX link is down, not where the PBX is. */
    @Test
    @SuppressWarnings("unchecked")
    void anOperatorReadsTheStateButNotThePbxAddress() {
        data.reset();
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        Api.Reply health = new Api(client).login("olga", TestData.PASSWORD).get("/health");
        Map<String, Object> ami = (Map<String, Object>) ((Map<String, Object>) health.body().get("details")).get("ami");
        assertEquals("DOWN", ami.get("status"), health.toString());
        String shown = health.body().toString();
        assertFalse(shown.contains(":" + port), "the AMI address is not shown: " + shown);
    }

    private static int aPortNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
