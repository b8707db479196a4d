package org.callcentre.crm.testing;

import io.micronaut.http.client.annotation.Client;
import io.micronaut.websocket.WebSocketClient;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Avito chats watched over {@code /ws/operator}: the Avito fixture plus a WebSocket client and the
 * readers of a pushed chat frame ({@code {"type":"chat","event":…,"conversation":{…}}}).
 */
public abstract class ChatFixture extends AvitoServerFixture {
    @Inject
    @Client("/")
    protected WebSocketClient ws;

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> conversation(Map<String, Object> push) {
        return (Map<String, Object>) push.get("conversation");
    }

    protected static long id(Map<String, Object> push) {
        return ((Number) conversation(push).get("id")).longValue();
    }
}
