package org.callcentre.crm.testing;

import org.callcentre.crm.telephony.mango.MangoSignature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real service as a separate process, the packaged jar started the way the README starts it, on a data directory
 * and port of its own, so a test can {@code kill -9} it and start it again.
 */
public final class ServiceProcess implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "Restart-Admin-Pw16";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();
    private final Path dataDir;
    private final Map<String, String> environment;
    private final int port;

    public ServiceProcess(Path dataDir, Map<String, String> environment) throws IOException {
        this.dataDir = dataDir;
        this.environment = environment;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** Starts a process and waits until its /health answers 200. */
    public void start() throws Exception {
        Process process = launch();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("service exited: " + log());
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service did not become healthy");
    }

    /** Starts a process without waiting for it to come up, for a test that stops it while it starts. */
    public Process launch() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dataDir.resolve("service-" + processes.size() + ".log");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", serviceJar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CRM_DATA_DIR", dataDir.toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("CRM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().remove("DATASOURCES_DEFAULT_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /**
     * The shaded jar the README runs ({@code java -jar target/callcentre-crm.jar}), given by failsafe. A jar
     * older than the compiled classes would test yesterday's code, so it fails the test instead.
     */
    static Path serviceJar() throws IOException {
        String jarProperty = System.getProperty("crm.service-jar");
        String classesProperty = System.getProperty("crm.classes-dir");
        if (jarProperty == null || classesProperty == null) {
            throw new AssertionError("crm.service-jar / crm.classes-dir are not set: run this *IT test under failsafe (mvn -B verify)");
        }
        return freshJar(Path.of(jarProperty), Path.of(classesProperty));
    }

    static Path freshJar(Path jar, Path classesDir) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("no service jar at " + jar + ": run mvn -B verify (it packages the jar first)");
        }
        FileTime jarTime = Files.getLastModifiedTime(jar);
        try (Stream<Path> classes = Files.walk(classesDir)) {
            Path newer = classes.filter(Files::isRegularFile)
                    .filter(f -> lastModified(f).compareTo(jarTime) > 0)
                    .findFirst().orElse(null);
            if (newer != null) {
                throw new AssertionError(jar + " is older than " + newer + ": repackage (mvn -B verify) before testing the jar");
            }
        }
        return jar;
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain stop (SIGTERM): the service shuts down as it would on the operator's machine. */
    public void stop() throws InterruptedException {
        processes.get(processes.size() - 1).destroy();
        processes.get(processes.size() - 1).waitFor();
    }

    /** What the running (or last) process has logged so far. */
    public String log() throws IOException {
        return Files.readString(dataDir.resolve("service-" + (processes.size() - 1) + ".log"));
    }

    /** The port of the service's embedded PostgreSQL, as its log names it. */
    public int embeddedPostgresPort() throws IOException {
        Matcher m = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(log());
        assertTrue(m.find(), "no embedded PostgreSQL in the log");
        return Integer.parseInt(m.group(1));
    }

    /** {@code kill -9}: no shutdown hook, no drain. */
    public void kill() throws InterruptedException {
        processes.get(processes.size() - 1).destroyForcibly().waitFor();
    }

    /** {@link #stop()}, timed: how long the process took to exit after {@code kill <pid>}. */
    public Duration terminate() throws InterruptedException {
        long start = System.nanoTime();
        stop();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Posts a webhook signed the way Mango Office signs it; -1 when the process did not answer. */
    public int postMango(String path, String json) {
        String form = "vpbx_api_key=" + encode(MangoWebhooks.KEY) + "&sign=" + encode(MangoSignature.sign(MangoWebhooks.KEY, json, MangoWebhooks.SALT))
                + "&json=" + encode(json);
        try {
            return http.send(HttpRequest.newBuilder(uri("/integrations/mango/" + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException killed) {
            return -1;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public HttpClient http() {
        return http;
    }

    public String login() throws Exception {
        HttpResponse<String> response = http.send(json("/api/auth/login", null)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return field(response.body(), "accessToken");
    }

    public String post(String token, String path, String body) throws Exception {
        return send(token, "POST", path, body, 201);
    }

    /** Any method with a JSON body, expecting {@code status}; returns the answer's body. */
    public String send(String token, String method, String path, String body, int status) throws Exception {
        HttpResponse<String> response = http.send(json(path, token).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }

    public String get(String token, String path) throws Exception {
        HttpResponse<String> response = http.send(json(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private HttpRequest.Builder json(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            p.waitFor();
        }
    }
}
