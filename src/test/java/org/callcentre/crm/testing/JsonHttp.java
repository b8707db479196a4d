package org.callcentre.crm.testing;

import com.sun.net.httpserver.HttpExchange;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reading requests (JSON, forms) and answering JSON in the local servers that play a vendor's HTTP API. */
final class JsonHttp {
    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private JsonHttp() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String body) throws IOException {
        return body.isBlank() ? Map.of() : JSON.readValue(body, Map.class);
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
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
