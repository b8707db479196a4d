package org.callcentre.crm.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server speaking SMS.ru's send method: {@code POST /sms/send} with a form (api_id, to,
 * msg, from, json=1), answered {@code {"status":"OK","status_code":100,"sms":{"<to>":{"status":"OK",
 * "status_code":100,"sms_id":…}},"balance":…}}; a wrong api_id gets status_code 200 "Неправильный
 * api_id", and while the test says so, each number gets 220 "Сервис временно недоступен".
 */
public final class SmsTestServer implements AutoCloseable {
    public static final String KEY = "TEST-API-ID-0001";

    /** An SMS the gateway took. */
    public record Sms(String to, String text, String from) {
    }

    private final HttpServer server;
    private final List<Sms> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean unavailable;

    public SmsTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Map<String, String> properties() {
        return Map.of("crm.notifications.sms.api-url", url(), "crm.notifications.sms.api-key", KEY,
                "crm.notifications.sms.sender", "Servis");
    }

    /** While true every number is answered 220 (the service is briefly unavailable). */
    public void unavailable(boolean value) {
        unavailable = value;
    }

    public List<Sms> sent() {
        return List.copyOf(sent);
    }

    public void reset() {
        sent.clear();
        unavailable = false;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/sms/send")) {
                JsonHttp.reply(exchange, 404, Map.of("status", "ERROR", "status_code", 404, "status_text", "Not found"));
                return;
            }
            Map<String, String> form = JsonHttp.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!KEY.equals(form.get("api_id"))) {
                JsonHttp.reply(exchange, 200, Map.of("status", "ERROR", "status_code", 200, "status_text", "Неправильный api_id"));
                return;
            }
            String to = form.getOrDefault("to", "");
            Map<String, Object> result;
            if (unavailable) {
                result = Map.of("status", "ERROR", "status_code", 220, "status_text", "Сервис временно недоступен, попробуйте чуть позже.");
            } else if (!to.matches("7\\d{10}") || form.getOrDefault("msg", "").isBlank()) {
                result = Map.of("status", "ERROR", "status_code", 202, "status_text", "Неправильно указан номер телефона получателя, либо на него нет маршрута");
            } else {
                sent.add(new Sms(to, form.get("msg"), form.get("from")));
                result = Map.of("status", "OK", "status_code", 100, "sms_id", "000000-" + (10_000_000 + ids.incrementAndGet()));
            }
            JsonHttp.reply(exchange, 200, Map.of("status", "OK", "status_code", 100, "sms", Map.of(to, result), "balance", 4122.56));
        }
    }
}
