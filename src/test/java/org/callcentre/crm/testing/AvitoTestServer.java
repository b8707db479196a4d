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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server speaking the Avito API the CRM uses, with Avito's request and answer shapes:
 * {@code POST /token} (form, client credentials → {@code access_token}, {@code expires_in}),
 * {@code POST /messenger/v1/accounts/{user_id}/chats/{chat_id}/messages} (Bearer token,
 * {@code {"message":{"text"},"type":"text"}} → the new message with its {@code id}),
 * {@code GET /messenger/v2/accounts/{user_id}/chats/{chat_id}} (the chat with its ad in
 * {@code context.value}), {@code GET /messenger/v3/accounts/{user_id}/chats/{chat_id}/messages/} and
 * {@code POST /calltracking/v1/getCalls/}. Unknown clients get 401 from /token, unknown tokens 401
 * everywhere else, as Avito does. Clients' pictures are served at {@code GET /image/{name}} without a
 * token, as Avito's image hosts serve them.
 */
public final class AvitoTestServer implements AutoCloseable {
    private static final Pattern SEND = Pattern.compile("/messenger/v1/accounts/(\\d+)/chats/([^/]+)/messages");
    private static final Pattern CHAT = Pattern.compile("/messenger/v2/accounts/(\\d+)/chats/([^/]+)");
    private static final Pattern ITEM = Pattern.compile("/core/v1/accounts/(\\d+)/items/(\\d+)/");
    private static final Pattern HISTORY = Pattern.compile("/messenger/v3/accounts/(\\d+)/chats/([^/]+)/messages/?");

    /** A picture the image host serves: {@code declaredLength} false sends it chunked, without Content-Length. */
    private record Image(byte[] bytes, String contentType, boolean declaredLength) {
    }

    /** A message the CRM sent into a chat. */
    public record Sent(long userId, String chatId, String text, String id) {
    }

    private final HttpServer server;
    private final Map<String, String> clients = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> calls = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> callRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger failSends = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, String> items = new ConcurrentHashMap<>();
    private final Map<String, Image> images = new ConcurrentHashMap<>();
    private final AtomicInteger imageFetches = new AtomicInteger();
    private volatile String adTitle = "Ремонт стиральных машин на дому";

    public AvitoTestServer() {
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

    /** Lets a client id / secret pair obtain tokens. */
    public void allowClient(String clientId, String clientSecret) {
        clients.put(clientId, clientSecret);
    }

    /** The next {@code n} sends answer 500, as Avito does when its messenger is down. */
    public void failNextSends(int n) {
        failSends.set(n);
    }

    /** Revokes every issued token: the next call with one gets 401. */
    public void revokeTokens() {
        tokens.clear();
    }

    public void reportCall(Map<String, Object> call) {
        calls.add(call);
    }

    /** An ad of the account, as {@code GET /core/v1/accounts/{user_id}/items/{item_id}/} describes it; others are 404. */
    public void item(long itemId, String title) {
        items.put(String.valueOf(itemId), title);
    }

    /** Serves {@code bytes} as {@code contentType} at the returned address, with its Content-Length. */
    public String image(String name, byte[] bytes, String contentType) {
        images.put(name, new Image(bytes, contentType, true));
        return url() + "/image/" + name;
    }

    /** Serves {@code bytes} chunked, not saying how long they are. */
    public String chunkedImage(String name, byte[] bytes, String contentType) {
        images.put(name, new Image(bytes, contentType, false));
        return url() + "/image/" + name;
    }

    public int imageFetches() {
        return imageFetches.get();
    }

    public void adTitle(String title) {
        adTitle = title;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Map<String, Object>> callRequests() {
        return List.copyOf(callRequests);
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public void reset() {
        sent.clear();
        calls.clear();
        items.clear();
        images.clear();
        imageFetches.set(0);
        callRequests.clear();
        tokens.clear();
        failSends.set(0);
        tokensIssued.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (method.equals("POST") && path.equals("/token")) {
                token(exchange, body);
                return;
            }
            if (method.equals("GET") && path.startsWith("/image/")) {
                image(exchange, images.get(path.substring("/image/".length())));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
                JsonHttp.reply(exchange, 401, Map.of("error", Map.of("code", 401, "message", "Unauthorized")));
                return;
            }
            Matcher m;
            if (method.equals("POST") && (m = SEND.matcher(path)).matches()) {
                send(exchange, Long.parseLong(m.group(1)), m.group(2), body);
            } else if (method.equals("GET") && (m = HISTORY.matcher(path)).matches()) {
                JsonHttp.reply(exchange, 200, Map.of("messages", history(m.group(2))));
            } else if (method.equals("GET") && (m = CHAT.matcher(path)).matches()) {
                JsonHttp.reply(exchange, 200, chat(m.group(2)));
            } else if (method.equals("GET") && (m = ITEM.matcher(path)).matches() && items.containsKey(m.group(2))) {
                JsonHttp.reply(exchange, 200, Map.of("id", Long.parseLong(m.group(2)), "title", items.get(m.group(2)), "status", "active",
                        "url", "https://www.avito.ru/moskva/predlozheniya_uslug/" + m.group(2), "price", 500));
            } else if (method.equals("POST") && path.equals("/calltracking/v1/getCalls/")) {
                Map<String, Object> filter = JsonHttp.read(body);
                callRequests.add(filter);
                int offset = ((Number) filter.getOrDefault("offset", 0)).intValue();
                int limit = ((Number) filter.getOrDefault("limit", 100)).intValue();
                List<Map<String, Object>> page = calls.subList(Math.min(offset, calls.size()), Math.min(offset + limit, calls.size()));
                JsonHttp.reply(exchange, 200, Map.of("calls", new ArrayList<>(page)));
            } else {
                JsonHttp.reply(exchange, 404, Map.of("error", Map.of("code", 404, "message", "Not found")));
            }
        }
    }

    private void token(HttpExchange exchange, String body) throws IOException {
        Map<String, String> form = JsonHttp.form(body);
        String secret = clients.get(form.get("client_id"));
        if (!"client_credentials".equals(form.get("grant_type")) || secret == null || !secret.equals(form.get("client_secret"))) {
            JsonHttp.reply(exchange, 401, Map.of("error", "invalid_client", "error_description", "invalid client"));
            return;
        }
        String token = "token-" + tokensIssued.incrementAndGet();
        tokens.add(token);
        JsonHttp.reply(exchange, 200, Map.of("access_token", token, "expires_in", 86400, "token_type", "Bearer"));
    }

    private void image(HttpExchange exchange, Image image) throws IOException {
        imageFetches.incrementAndGet();
        if (image == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", image.contentType());
        exchange.sendResponseHeaders(200, image.declaredLength() ? image.bytes().length : 0);
        exchange.getResponseBody().write(image.bytes());
    }

    @SuppressWarnings("unchecked")
    private void send(HttpExchange exchange, long userId, String chatId, String body) throws IOException {
        Map<String, Object> request = JsonHttp.read(body);
        if (!"text".equals(request.get("type")) || !(request.get("message") instanceof Map<?, ?> message)
                || !(message.get("text") instanceof String text) || text.isBlank()) {
            JsonHttp.reply(exchange, 400, Map.of("error", Map.of("code", 400, "message", "message.text is required")));
            return;
        }
        if (failSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            JsonHttp.reply(exchange, 500, Map.of("error", Map.of("code", 500, "message", "Internal Server Error")));
            return;
        }
        String id = "out-" + ids.incrementAndGet();
        sent.add(new Sent(userId, chatId, text, id));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("content", Map.of("text", text));
        answer.put("created", System.currentTimeMillis() / 1000);
        answer.put("direction", "out");
        answer.put("type", "text");
        JsonHttp.reply(exchange, 200, answer);
    }

    private Map<String, Object> chat(String chatId) {
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("id", chatId);
        chat.put("context", Map.of("type", "item", "value", Map.of("id", 4242, "title", adTitle,
                "url", "https://www.avito.ru/moskva/predlozheniya_uslug/remont_4242", "price_string", "от 500 ₽")));
        chat.put("created", System.currentTimeMillis() / 1000);
        chat.put("updated", System.currentTimeMillis() / 1000);
        chat.put("users", List.of());
        return chat;
    }

    private List<Map<String, Object>> history(String chatId) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Sent s : sent) {
            if (s.chatId().equals(chatId)) {
                messages.add(Map.of("id", s.id(), "author_id", s.userId(), "direction", "out", "type", "text",
                        "content", Map.of("text", s.text())));
            }
        }
        return messages;
    }
}
