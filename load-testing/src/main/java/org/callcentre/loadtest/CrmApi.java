package org.callcentre.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few REST calls the load tool needs: log in, create reference data, count calls. */
final class CrmApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    CrmApi(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String base() {
        return base;
    }

    String login(String login, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/api/auth/login", null,
                "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + login + " failed: " + r.statusCode() + " " + r.body());
        }
        return field(r.body(), "accessToken");
    }

    /** The CRM logs in to AMI before its HTTP server listens; wait for the latter too. */
    void awaitHealthy(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (send("GET", "/health", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the CRM at " + base + " did not become healthy");
    }

    /** Creates, or accepts that it already exists (409). */
    void ensure(String token, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", path, token, json);
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("POST " + path + " failed: " + r.statusCode() + " " + r.body());
        }
    }

    /** The exact number of calls with this rk and status in [from, to) (windows keep it under the exact-count cap). */
    long countCalls(String token, String rk, String status, String fromIso, String toIso) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "/api/calls?limit=1&rk=" + enc(rk) + "&status=" + status + "&dateFrom=" + enc(fromIso)
                + "&dateTo=" + enc(toIso), token, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("count failed: " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(field(r.body(), "total"));
    }

    HttpResponse<String> send(String method, String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpClient http() {
        return http;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
