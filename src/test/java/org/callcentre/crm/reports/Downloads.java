package org.callcentre.crm.reports;

import io.micronaut.runtime.server.EmbeddedServer;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Downloads files over real HTTP with the JDK's client, which, unlike the JSON-minded
 * {@link Api}, hands back raw bytes or a stream of any length.
 */
final class Downloads {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final Api api;

    Downloads(EmbeddedServer server, Api api) {
        this.base = server.getURI();
        this.api = api;
    }

    record Download(int status, String contentType, String contentDisposition, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An access token of a user whose password is {@link TestData#PASSWORD}. */
    String token(String login) {
        Api.Reply reply = api.post("/api/auth/login", Map.of("login", login, "password", TestData.PASSWORD));
        if (reply.status() != 200) {
            throw new AssertionError("login " + login + " failed: " + reply);
        }
        return (String) reply.body().get("accessToken");
    }

    Download get(String pathAndQuery, String token) {
        HttpResponse<byte[]> response = send(pathAndQuery, token, HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("Content-Disposition").orElse(null), response.body());
    }

    /** The body as it arrives, for files too large to hold. */
    InputStream stream(String pathAndQuery, String token) {
        HttpResponse<InputStream> response = send(pathAndQuery, token, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private <T> HttpResponse<T> send(String pathAndQuery, String token, HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
