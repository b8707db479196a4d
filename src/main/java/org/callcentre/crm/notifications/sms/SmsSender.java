package org.callcentre.crm.notifications.sms;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.notifications.Notification;
import org.callcentre.crm.notifications.NotificationChannel;
import org.callcentre.crm.notifications.NotificationSender;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends SMS through an SMS.ru-style gateway. The answer's status_code 100 means accepted; 220 (the
 * service is briefly unavailable), 201 (no money on the account: it may be topped up) and 500 are
 * tried again, every other refusal (bad key, bad number, sender not approved) is permanent.
 */
@Singleton
class SmsSender implements NotificationSender {
    private static final int ACCEPTED = 100;
    private static final Set<Integer> TRANSIENT = Set.of(201, 220, 500);

    private final SmsSettings settings;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SmsSender(SmsSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.sms;
    }

    @Override
    public String send(Notification notification) throws DeliveryFailure {
        if (!settings.configured()) {
            throw new DeliveryFailure("SMS is off: crm.notifications.sms.api-key is not set", true);
        }
        String to = notification.recipient().replaceAll("\\D", "");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_id", settings.apiKey());
        form.put("to", to);
        form.put("msg", notification.body());
        if (settings.sender() != null && !settings.sender().isBlank()) {
            form.put("from", settings.sender());
        }
        form.put("json", "1");
        Map<String, Object> answer = post(form);
        if (!(answer.get("sms") instanceof Map<?, ?> numbers) || !(numbers.get(to) instanceof Map<?, ?> sms)) {
            throw refusal(answer, "SMS gateway refused the request");
        }
        if (code(sms) != ACCEPTED) {
            throw refusal(sms, "SMS gateway refused " + to);
        }
        return String.valueOf(sms.get("sms_id"));
    }

    private Map<String, Object> post(Map<String, String> form) throws DeliveryFailure {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String url = (settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/") + "sms/send";
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailure("SMS gateway did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while calling the SMS gateway", false);
        }
        if (response.statusCode() >= 500) {
            throw new DeliveryFailure("SMS gateway answered HTTP " + response.statusCode(), false);
        }
        try {
            return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            throw new DeliveryFailure("SMS gateway answered HTTP " + response.statusCode() + " with no JSON", false);
        }
    }

    private static DeliveryFailure refusal(Map<?, ?> part, String what) {
        int code = code(part);
        return new DeliveryFailure(what + ": " + code + " " + part.get("status_text"), !TRANSIENT.contains(code));
    }

    private static int code(Map<?, ?> part) {
        return part.get("status_code") instanceof Number n ? n.intValue() : 0;
    }
}
