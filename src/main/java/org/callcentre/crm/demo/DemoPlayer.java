package org.callcentre.crm.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.serde.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.callcentre.crm.telephony.mango.MangoSettings;
import org.callcentre.crm.telephony.mango.MangoSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the demo: calls as a Mango PBX would send them (signed webhooks to this service's own
 * {@code /integrations/mango/events/…}) and client messages as Avito would (to the demo account's webhook), so every
 * part after the webhook — ingest, the pop, presence, the wallboard, statistics, chats — runs as it does for real.
 * The first call rings a few seconds after the start, then one every {@code crm.demo.call-interval}, in turn to each
 * demo operator; every third call is missed (the caller gives up), every other turn a client writes on Avito.
 */
@Singleton
@Requires(property = "crm.demo.enabled", value = "true")
class DemoPlayer implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPlayer.class);
    private static final Duration FIRST_CALL = Duration.ofSeconds(3);
    private static final Duration RING = Duration.ofSeconds(4);
    /** Mango's "the caller hung up": the end of an answered call, or of a missed one before anyone answered. */
    private static final int CALLER_HUNG_UP = 1110;
    private static final List<String> CALLERS = List.of("79161234501", "79172345602", "79183456703", "79194567804",
            "79205678905", "79216789006", "79227890107", "79238901208");
    private static final List<String> MESSAGES = List.of("Здравствуйте! Стиральная машина не сливает воду, сможете приехать завтра?",
            "Добрый день, сколько стоит диагностика холодильника?", "Посудомойка течёт снизу, мастер есть в выходные?",
            "Здравствуйте, объявление актуально? Нужен ремонт духового шкафа.");

    private final DemoDirectory directory;
    private final DemoRows rows;
    private final DemoSettings settings;
    private final MangoSettings mango;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-player");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong turns = new AtomicLong();
    private volatile String base;
    private volatile String avitoWebhook;

    DemoPlayer(DemoDirectory directory, DemoRows rows, DemoSettings settings, MangoSettings mango, ObjectMapper json, Clock clock) {
        this.directory = directory;
        this.rows = rows;
        this.settings = settings;
        this.mango = mango;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        prepare();
        String url = event.getSource().getURL().toString();
        base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        LOG.warn("Demo mode: demo users {} and {} (password from crm.demo.password); a call every {}",
                DemoDirectory.OPERATORS, DemoDirectory.SUPERVISOR, settings.callInterval());
        scheduler.scheduleWithFixedDelay(this::turn, FIRST_CALL.toMillis(), settings.callInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Makes the demo rows unless they exist, and takes the Avito account's webhook address for this run. */
    void prepare() {
        avitoWebhook = directory.ensure();
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private void turn() {
        long turn = turns.getAndIncrement();
        try {
            // read each turn: once an admin removed the demo there are none, and nothing more is played
            List<DemoRows.DemoLine> lines = rows.lines();
            if (lines.isEmpty()) {
                return;
            }
            DemoRows.DemoLine line = lines.get((int) (turn % lines.size()));
            String caller = CALLERS.get((int) (turn % CALLERS.size()));
            playCall(turn, line, caller, turn % 3 != 2);
            if (turn % 2 == 1) {
                postAvitoMessage(turn, caller);
            }
        } catch (RuntimeException e) {
            // a turn that failed (the service stopping, the database away) is skipped; the next one plays
            LOG.warn("Demo turn {} not played: {}", turn, e.toString());
        }
    }

    /** One inbound call to an operator: rings, is answered (or abandoned), ends, and Mango's summary follows. */
    private void playCall(long turn, DemoRows.DemoLine line, String caller, boolean answered) {
        long start = clock.instant().getEpochSecond();
        String entryId = "demo-" + start + "-" + turn;
        long talk = 15 + (turn * 7) % 25;
        long end = answered ? start + RING.toSeconds() + talk : start + RING.toSeconds() + 4;
        mangoCall(entryId, 1, "Appeared", line, caller, start);
        if (answered) {
            later(RING, () -> mangoCall(entryId, 2, "Connected", line, caller, start + RING.toSeconds()));
        }
        later(Duration.ofSeconds(end - start), () -> {
            mangoCall(entryId, 3, "Disconnected", line, caller, end);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("entry_id", entryId);
            summary.put("call_direction", 1);
            summary.put("from", Map.of("number", caller));
            summary.put("to", Map.of("extension", line.extension()));
            summary.put("line_number", line.companyNumber().substring(1));
            summary.put("create_time", start);
            summary.put("forward_time", start);
            summary.put("talk_time", answered ? start + RING.toSeconds() : 0);
            summary.put("end_time", end);
            summary.put("entry_result", answered ? 1 : 0);
            summary.put("disconnect_reason", CALLER_HUNG_UP);
            postMango("events/summary", summary);
        });
    }

    private void mangoCall(String entryId, int seq, String state, DemoRows.DemoLine line, String caller, long at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("entry_id", entryId);
        event.put("call_id", entryId + "-b");
        event.put("timestamp", at);
        event.put("seq", seq);
        event.put("call_state", state);
        event.put("location", "abonent");
        event.put("from", Map.of("number", caller));
        event.put("to", Map.of("extension", line.extension(), "number", "sip:" + line.extension() + "@demo.mangosip.ru",
                "line_number", line.companyNumber().substring(1)));
        if ("Disconnected".equals(state)) {
            event.put("disconnect_reason", CALLER_HUNG_UP);
        }
        postMango("events/call", event);
    }

    private void postMango(String path, Map<String, Object> event) {
        String body = write(event);
        String form = "vpbx_api_key=" + encode(mango.apiKey()) + "&sign=" + MangoSignature.sign(mango.apiKey(), body, mango.apiSalt())
                + "&json=" + encode(body);
        send(HttpRequest.newBuilder(URI.create(base + "/integrations/mango/" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A client's message, as Avito's messenger webhook delivers it to the demo account. */
    private void postAvitoMessage(long turn, String caller) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", "demo-message-" + now + "-" + turn);
        value.put("chat_id", "demo-chat-" + caller);
        value.put("user_id", DemoDirectory.AVITO_USER_ID);
        value.put("author_id", Long.parseLong(caller.substring(3)));
        value.put("type", "text");
        value.put("chat_type", "u2i");
        value.put("item_id", String.valueOf(DemoAvitoSink.itemOf("demo-chat-" + caller)));
        value.put("created", now);
        value.put("content", Map.of("text", MESSAGES.get((int) (turn / 2 % MESSAGES.size()))));
        send(HttpRequest.newBuilder(URI.create(base + avitoWebhook))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("payload", Map.of("type", "message", "value", value))),
                        StandardCharsets.UTF_8)).build());
    }

    /** A later leg of a call under way; none once the demo was removed meanwhile, so no call is left half-told. */
    private void later(Duration delay, Runnable step) {
        scheduler.schedule(() -> {
            try {
                if (rows.any()) {
                    step.run();
                }
            } catch (RuntimeException e) {
                LOG.warn("Demo step not played: {}", e.toString());
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                LOG.warn("Demo {} answered {}: {}", request.uri().getPath(), response.statusCode(), response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("demo webhook not delivered: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
