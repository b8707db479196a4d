package org.callcentre.crm.leads.avito;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

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

/**
 * The Avito endpoints the CRM calls: {@code POST /token} (client credentials), send message, chat
 * info and call tracking. A 401 means the cached token was revoked: one new token, one more try.
 */
@Singleton
class AvitoApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AvitoSettings settings;
    private final AvitoTokens tokens;
    private final AvitoAccountService accounts;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AvitoApi(AvitoSettings settings, AvitoTokens tokens, AvitoAccountService accounts, ObjectMapper json) {
        this.settings = settings;
        this.tokens = tokens;
        this.accounts = accounts;
        this.json = json;
    }

    /** Sends a text message into a chat; returns Avito's message id. */
    String sendMessage(AvitoAccount account, String chatId, String text) throws AvitoApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", Map.of("text", text));
        body.put("type", "text");
        Map<String, Object> answer = authorised(account, "POST",
                "/messenger/v1/accounts/" + account.avitoUserId() + "/chats/" + encode(chatId) + "/messages", body);
        Object id = answer.get("id");
        if (id == null) {
            throw new AvitoApiException(200, "Avito accepted the message but gave no id: " + answer, null);
        }
        return String.valueOf(id);
    }

    /** The chat's description: {@code context.value.title} is the ad the client wrote about. */
    Map<String, Object> chat(AvitoAccount account, String chatId) throws AvitoApiException {
        return authorised(account, "GET", "/messenger/v2/accounts/" + account.avitoUserId() + "/chats/" + encode(chatId), null);
    }

    /** An ad of the account: {@code title} and {@code url} are what the call page shows of the ad that brought a call. */
    Map<String, Object> item(AvitoAccount account, String itemId) throws AvitoApiException {
        return authorised(account, "GET", "/core/v1/accounts/" + account.avitoUserId() + "/items/" + encode(itemId) + "/", null);
    }

    Map<String, Object> calls(AvitoAccount account, Map<String, Object> filter) throws AvitoApiException {
        return authorised(account, "POST", "/calltracking/v1/getCalls/", filter);
    }

    private Map<String, Object> authorised(AvitoAccount account, String method, String path, Object body) throws AvitoApiException {
        try {
            return call(method, path, body, tokens.token(account, this::issue));
        } catch (AvitoApiException e) {
            if (e.status() != 401) {
                throw e;
            }
            tokens.forget(account.id());
            return call(method, path, body, tokens.token(account, this::issue));
        }
    }

    private AvitoTokens.Issued issue(AvitoAccount account) throws AvitoApiException {
        String secret = accounts.clientSecret(account);
        if (secret == null) {
            throw new AvitoApiException(0, "Avito account " + account.id() + " has no client secret", null);
        }
        String form = "grant_type=client_credentials&client_id=" + encode(account.clientId()) + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.base() + "/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Map<String, Object> answer = exchange(request, "/token");
        if (!(answer.get("access_token") instanceof String token) || token.isBlank()) {
            throw new AvitoApiException(200, "Avito's /token answer holds no access_token", null);
        }
        long expiresIn = answer.get("expires_in") instanceof Number n ? n.longValue() : 3600;
        return new AvitoTokens.Issued(token, expiresIn);
    }

    private Map<String, Object> call(String method, String path, Object body, String token) throws AvitoApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.base() + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        }
        return exchange(request.build(), path);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> exchange(HttpRequest request, String what) throws AvitoApiException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AvitoApiException(0, "Avito did not answer " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AvitoApiException(0, "interrupted while calling Avito " + what, e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new AvitoApiException(response.statusCode(), "Avito answered " + response.statusCode() + " to " + what
                    + (body.isBlank() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) : body)), null);
        }
        try {
            Map<String, Object> parsed = json.readValue(response.body(), Map.class);
            return parsed == null ? Map.of() : parsed;
        } catch (IOException e) {
            throw new AvitoApiException(response.statusCode(), "Avito's answer to " + what + " is not JSON", e);
        }
    }

    private String write(Object body) throws AvitoApiException {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new AvitoApiException(0, "cannot write the request body", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
