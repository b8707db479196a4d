package org.callcentre.crm.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real service as a separate process, the way the README starts it, on a data directory
 * of its own: what was written is still there after a restart, even after {@code kill -9}.
 */
class DataDirectorySurvivesRestartTest {
    private static final String ADMIN_PASSWORD = "Restart-Admin-Pw16";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path dataDir;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void anOrderCreatedOverHttpSurvivesAKillAndARestart() throws Exception {
        int port = freePort();
        Process first = start(port);
        String token = login(port);
        post(port, token, "/api/cities", "{\"name\":\"Казань\",\"timezone\":\"Europe/Moscow\"}");
        String order = post(port, token, "/api/orders",
                "{\"city\":\"Казань\",\"phone\":\"8 916 123-45-67\",\"clientName\":\"Анна\",\"problem\":\"Не греет\"}");
        String orderId = field(order, "id");

        first.destroyForcibly().waitFor();

        start(port);
        String fetched = get(port, login(port), "/api/orders/" + orderId);
        assertTrue(fetched.contains("+79161234567"), fetched);
        assertTrue(fetched.contains("Не греет"), fetched);
        assertTrue(Files.exists(dataDir.resolve("jwt.key")));
    }

    private Process start(int port) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.callcentre.crm.Application")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service-" + processes.size() + ".log").toFile());
        builder.environment().put("CRM_DATA_DIR", dataDir.toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("CRM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().remove("DATASOURCES_DEFAULT_URL");
        Process process = builder.start();
        processes.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("service exited: " + Files.readString(dataDir.resolve("service-" + (processes.size() - 1) + ".log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service did not become healthy");
    }

    private String login(int port) throws Exception {
        HttpResponse<String> response = http.send(json(port, "/api/auth/login", null)
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return field(response.body(), "accessToken");
    }

    private String post(int port, String token, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(json(port, path, token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return response.body();
    }

    private String get(int port, String token, String path) throws Exception {
        HttpResponse<String> response = http.send(json(port, path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static HttpRequest.Builder json(int port, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
