package org.callcentre.crm.testing;

import com.sun.net.httpserver.HttpExchange;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.util.Map;

/** Reading and answering JSON in the local servers that play a vendor's HTTP API. */
final class JsonHttp {
    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private JsonHttp() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String body) throws IOException {
        return body.isBlank() ? Map.of() : JSON.readValue(body, Map.class);
    }

    static String write(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }

    static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
