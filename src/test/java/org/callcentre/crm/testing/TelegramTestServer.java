package org.callcentre.crm.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server speaking the Bot API methods the CRM uses, with Telegram's shapes:
 * {@code POST /bot<token>/<method>} with a JSON body, answered {@code {"ok":true,"result":…}} or
 * {@code {"ok":false,"error_code":…,"description":…}}. sendMessage (chat_id, text,
 * reply_markup.inline_keyboard → the Message), answerCallbackQuery, and getUpdates as long polling:
 * it returns the updates with update_id ≥ offset, forgets (confirms) the older ones, and holds the
 * request up to {@code timeout} seconds while there are none. A wrong token gets 401 Unauthorized.
 * A test plays the master with {@link #userTypes} and {@link #userPresses}.
 */
public final class TelegramTestServer implements AutoCloseable {
    public static final String TOKEN = "123456:test-bot-token";

    /** A message the CRM sent: its chat, text and the callback data of its inline buttons, row by row. */
    public record Sent(long chatId, String text, List<List<String>> buttons, long messageId) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> answeredCallbacks = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> updates = new ArrayList<>();
    private final AtomicLong nextUpdateId = new AtomicLong(700_000_000);
    private final AtomicInteger messageIds = new AtomicInteger(100);
    private final AtomicInteger failSends = new AtomicInteger();
    private final AtomicLong confirmedBelow = new AtomicLong();
    private volatile long sendDelayMillis;

    public TelegramTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The settings that point the CRM's bot at this server, receiving updates by long polling. */
    public Map<String, String> properties() {
        return Map.of("crm.notifications.telegram.bot-token", TOKEN, "crm.notifications.telegram.api-url", url(),
                "crm.notifications.telegram.updates", "polling", "crm.notifications.telegram.poll-timeout", "2s");
    }

    /** The master types {@code text} in chat {@code chatId}; returns the update's id. */
    public long userTypes(long chatId, String text) {
        long id = nextUpdateId.getAndIncrement();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", messageIds.incrementAndGet());
        message.put("from", Map.of("id", chatId, "is_bot", false, "first_name", "Мастер"));
        message.put("chat", Map.of("id", chatId, "type", "private"));
        message.put("date", System.currentTimeMillis() / 1000);
        message.put("text", text);
        queue(Map.of("update_id", id, "message", message));
        return id;
    }

    /** The master presses the button with {@code data} under the message {@code sent}. */
    public long userPresses(Sent card, String data) {
        long id = nextUpdateId.getAndIncrement();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("id", "cq-" + id);
        query.put("from", Map.of("id", card.chatId(), "is_bot", false, "first_name", "Мастер"));
        query.put("message", Map.of("message_id", card.messageId(), "chat", Map.of("id", card.chatId(), "type", "private"),
                "date", System.currentTimeMillis() / 1000, "text", card.text()));
        query.put("chat_instance", "ci-" + card.chatId());
        query.put("data", data);
        queue(Map.of("update_id", id, "callback_query", query));
        return id;
    }

    /** The update as Telegram would POST it to a webhook. */
    public String updateJson(long chatId, String text) {
        long id = nextUpdateId.getAndIncrement();
        try {
            return JsonHttp.write(Map.of("update_id", id, "message", Map.of("message_id", messageIds.incrementAndGet(),
                    "chat", Map.of("id", chatId, "type", "private"), "date", System.currentTimeMillis() / 1000, "text", text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next {@code n} sendMessage calls answer 500, as Telegram does when it is in trouble. */
    public void failNextSends(int n) {
        failSends.set(n);
    }

    /**
     * Each sendMessage is taken (and listed in {@link #sent()}) at once but answered only after this
     * delay, as a slow network would: a client killed meanwhile has sent a message it never heard of.
     */
    public void delaySends(long millis) {
        sendDelayMillis = millis;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    public List<String> answeredCallbacks() {
        return List.copyOf(answeredCallbacks);
    }

    /** Every update below this id was confirmed by a later getUpdates offset. */
    public long confirmedBelow() {
        return confirmedBelow.get();
    }

    public void reset() {
        sent.clear();
        answeredCallbacks.clear();
        failSends.set(0);
        sendDelayMillis = 0;
        synchronized (updates) {
            updates.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void queue(Map<String, Object> update) {
        synchronized (updates) {
            updates.add(update);
            updates.notifyAll();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith("/bot")) {
                JsonHttp.reply(exchange, 404, error(404, "Not Found"));
                return;
            }
            if (!path.startsWith(prefix)) {
                JsonHttp.reply(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            Map<String, Object> request = JsonHttp.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            switch (path.substring(prefix.length())) {
                case "sendMessage" -> sendMessage(exchange, request);
                case "answerCallbackQuery" -> {
                    answeredCallbacks.add(String.valueOf(request.get("callback_query_id")));
                    JsonHttp.reply(exchange, 200, Map.of("ok", true, "result", true));
                }
                case "getUpdates" -> getUpdates(exchange, request);
                default -> JsonHttp.reply(exchange, 404, error(404, "Not Found: method not found"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void sendMessage(HttpExchange exchange, Map<String, Object> request) throws IOException {
        Object chat = request.get("chat_id");
        Object text = request.get("text");
        if (chat == null || !(text instanceof String t) || t.isBlank()) {
            JsonHttp.reply(exchange, 400, error(400, "Bad Request: message text is empty"));
            return;
        }
        if (failSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            JsonHttp.reply(exchange, 500, error(500, "Internal Server Error"));
            return;
        }
        List<List<String>> buttons = new ArrayList<>();
        if (request.get("reply_markup") instanceof Map<?, ?> markup && markup.get("inline_keyboard") instanceof List<?> rows) {
            for (Object row : rows) {
                buttons.add(((List<Map<String, Object>>) row).stream().map(b -> String.valueOf(b.get("callback_data"))).toList());
            }
        }
        long chatId = Long.parseLong(chat.toString());
        long messageId = messageIds.incrementAndGet();
        sent.add(new Sent(chatId, t, buttons, messageId));
        if (sendDelayMillis > 0) {
            try {
                Thread.sleep(sendDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        JsonHttp.reply(exchange, 200, Map.of("ok", true, "result", Map.of("message_id", messageId,
                "chat", Map.of("id", chatId, "type", "private"), "date", System.currentTimeMillis() / 1000, "text", t)));
    }

    private void getUpdates(HttpExchange exchange, Map<String, Object> request) throws IOException {
        long offset = request.get("offset") instanceof Number n ? n.longValue() : 0;
        long timeoutMillis = (request.get("timeout") instanceof Number n ? n.longValue() : 0) * 1000;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<Map<String, Object>> result;
        synchronized (updates) {
            confirmedBelow.accumulateAndGet(offset, Math::max);
            updates.removeIf(u -> ((Number) u.get("update_id")).longValue() < offset);
            while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
                try {
                    updates.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            result = List.copyOf(updates);
        }
        JsonHttp.reply(exchange, 200, Map.of("ok", true, "result", result));
    }

    private static Map<String, Object> error(int code, String description) {
        return Map.of("ok", false, "error_code", code, "description", description);
    }
}
