package org.callcentre.crm.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;
import java.util.Map;

/**
 * A real HTTP client against the running test server, answering with status and parsed JSON
 * whatever the status, so that tests read 4xx bodies as easily as 200s.
 */
public final class Api {
    private final BlockingHttpClient http;
    private final String token;
    private final Map<String, String> headers;

    public Api(HttpClient client) {
        this(client.toBlocking(), null, Map.of());
    }

    private Api(BlockingHttpClient http, String token, Map<String, String> headers) {
        this.http = http;
        this.token = token;
        this.headers = headers;
    }

    public record Reply(int status, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            return (Map<String, Object>) body.get("data");
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body.get("data");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> error() {
            return (Map<String, Object>) body.get("error");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> errorFields() {
            return (Map<String, Object>) error().get("fields");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> pagination() {
            return (Map<String, Object>) body.get("pagination");
        }
    }

    /** The same client, sending this bearer token. */
    public Api as(String accessToken) {
        return new Api(http, accessToken, headers);
    }

    public Api withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Api(http, token, Map.copyOf(more));
    }

    /** Logs in over HTTP and returns a client that sends the access token. */
    public Api login(String login, String password) {
        Reply reply = post("/api/auth/login", Map.of("login", login, "password", password));
        if (reply.status() != 200) {
            throw new AssertionError("login " + login + " failed: " + reply);
        }
        return as((String) reply.body().get("accessToken"));
    }

    public Reply get(String uri) {
        return send(HttpRequest.GET(uri));
    }

    public Reply post(String uri, Object body) {
        return send(HttpRequest.POST(uri, body));
    }

    public Reply patch(String uri, Object body) {
        return send(HttpRequest.PATCH(uri, body));
    }

    public Reply put(String uri, Object body) {
        return send(HttpRequest.PUT(uri, body));
    }

    public Reply delete(String uri) {
        return send(HttpRequest.DELETE(uri));
    }

    /** Sends a raw body with the given content type, e.g. malformed JSON. */
    public Reply postRaw(String uri, String body, String contentType) {
        return send(HttpRequest.POST(uri, body).contentType(contentType));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Reply send(MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<Map> response = http.exchange(request, Argument.of(Map.class));
            return new Reply(response.code(), response.getBody().orElse(Map.of()));
        } catch (HttpClientResponseException e) {
            Map body = e.getResponse().getBody(Map.class).orElse(Map.of());
            return new Reply(e.getStatus().getCode(), body);
        }
    }
}
