package org.callcentre.crm.notifications.telegram;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.notifications.Button;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Bot API calls the CRM makes, as plain HTTPS with JSON bodies: {@code POST /bot<token>/<method>}. */
@Singleton
class TelegramApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final TelegramSettings settings;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TelegramApi(TelegramSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** Returns the new message's message_id. */
    long sendMessage(String chatId, String text, List<List<Button>> buttons) throws TelegramException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", text);
        if (buttons != null && !buttons.isEmpty()) {
            body.put("reply_markup", Map.of("inline_keyboard", buttons.stream()
                    .map(row -> row.stream().map(b -> Map.of("text", b.text(), "callback_data", b.data())).toList())
                    .toList()));
        }
        Object result = call("sendMessage", body, TIMEOUT);
        if (result instanceof Map<?, ?> message && message.get("message_id") instanceof Number id) {
            return id.longValue();
        }
        throw new TelegramException(0, "sendMessage answered without a message_id: " + result);
    }

    /** Stops the spinner on a pressed button. */
    void answerCallbackQuery(String callbackQueryId) throws TelegramException {
        call("answerCallbackQuery", Map.of("callback_query_id", callbackQueryId), TIMEOUT);
    }

    /** Long polling: waits up to {@code timeout} for updates after {@code offset}. */
    List<TelegramUpdate> getUpdates(long offset, Duration timeout) throws TelegramException {
        Object result = call("getUpdates", Map.of("offset", offset, "timeout", timeout.toSeconds(),
                "allowed_updates", List.of("message", "callback_query")), timeout.plus(TIMEOUT));
        try {
            return json.readValue(json.writeValueAsString(result), Argument.listOf(TelegramUpdate.class));
        } catch (IOException e) {
            throw new TelegramException(0, "getUpdates answered with unreadable updates: " + e.getMessage());
        }
    }

    private Object call(String method, Map<String, Object> body, Duration timeout) throws TelegramException {
        if (!settings.configured()) {
            throw new TelegramException(400, "Telegram is off: crm.notifications.telegram.bot-token is not set");
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(settings.base() + "/" + method))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
        } catch (IOException e) {
            throw new TelegramException(0, "cannot write " + method + ": " + e.getMessage());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TelegramException(0, "Telegram did not answer " + method + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramException(0, "interrupted while calling Telegram " + method);
        }
        Map<String, Object> answer;
        try {
            answer = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            throw new TelegramException(response.statusCode(), "Telegram answered " + response.statusCode() + " to " + method
                    + " with no JSON");
        }
        if (!Boolean.TRUE.equals(answer.get("ok"))) {
            int code = answer.get("error_code") instanceof Number n ? n.intValue() : response.statusCode();
            throw new TelegramException(code, "Telegram " + method + ": " + code + " " + answer.get("description"));
        }
        return answer.get("result");
    }
}
