package org.callcentre.crm.live;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketClient;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.ClientWebSocket;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** A real WebSocket client of {@code /ws/operator} or {@code /ws/supervisor}, keeping what it receives. */
@ClientWebSocket
public abstract class LiveClient implements AutoCloseable {
    /** How long to wait for something that should come; generous, since builds share the machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private final BlockingQueue<Map<String, Object>> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

    /** Opens a socket and waits until the server has admitted it, so that nothing meant for it is missed. */
    public static LiveClient open(WebSocketClient ws, String path, String token) {
        LiveClient client = connect(ws, path, token);
        client.await("connected", m -> true);
        return client;
    }

    /** Opens a socket without waiting to be admitted. */
    public static LiveClient connect(WebSocketClient ws, String path, String token) {
        String uri = token == null ? path : path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return Mono.from(ws.connect(LiveClient.class, uri)).block(PATIENCE);
    }

    private volatile WebSocketSession session;

    @OnOpen
    public void onOpen(WebSocketSession session) {
        this.session = session;
    }

    @Override
    public void close() {
        session.close();
    }

    @OnMessage
    public void onMessage(String message) {
        try {
            inbox.add(JSON.readValue(message, Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @OnClose
    public void onClose(CloseReason reason) {
        closed.complete(reason);
    }

    /** The next message of this type that matches, skipping others; fails after {@link #PATIENCE}. */
    public Map<String, Object> await(String type, Predicate<Map<String, Object>> match) {
        List<Map<String, Object>> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            for (long left = PATIENCE.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Map<String, Object> message = inbox.poll(left, TimeUnit.NANOSECONDS);
                if (message != null && type.equals(message.get("type")) && match.test(message)) {
                    return message;
                }
                if (message != null) {
                    skipped.add(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fail("no '" + type + "' message matched within " + PATIENCE + "; received " + skipped);
    }

    /** Everything that arrives within {@code wait}: for proving that something does not come. */
    public List<Map<String, Object>> receivedWithin(Duration wait) throws InterruptedException {
        List<Map<String, Object>> received = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Map<String, Object> message = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (message != null) {
                received.add(message);
            }
        }
        return received;
    }

    public CloseReason awaitClose() throws Exception {
        return closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> call(Map<String, Object> message) {
        return (Map<String, Object>) message.get("call");
    }
}
