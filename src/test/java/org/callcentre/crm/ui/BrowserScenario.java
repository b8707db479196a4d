package org.callcentre.crm.ui;

import io.micronaut.runtime.server.EmbeddedServer;
import org.callcentre.crm.testing.RequiredTool;
import org.callcentre.crm.testing.TestData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs one scenario of {@code frontend/e2e/scenarios.mjs} (playwright-core driving Debian's
 * Chromium) against the running service. When the script prints {@code STEP name} the matching
 * server-side action runs (e.g. posting a signed Mango webhook) and the script is told
 * {@code DONE}; {@code RESULT key=value} lines are collected for the test to check.
 */
final class BrowserScenario {
    private static final long TIMEOUT_SECONDS = 180;

    private final Path node;
    private final Path chromium;
    private final String baseUrl;
    private final Path screenshots;
    private final String password;

    /**
     * Scenarios against this server, as the users of {@link TestData}; skips (fails under CI) without
     * Chromium or Node. Screenshots go to {@code target/e2e-screenshots}.
     */
    static BrowserScenario against(EmbeddedServer server) throws IOException {
        return against(server.getURL().toString(), TestData.PASSWORD);
    }

    /** The same against a service at {@code baseUrl} (a started jar) whose users sign in with {@code password}. */
    static BrowserScenario against(String baseUrl, String password) throws IOException {
        Path chromium = RequiredTool.require("chromium", "apt-get install chromium (listed in .ci/apt-packages)");
        Path node = RequiredTool.require("node", "install Node.js 20 (the web UI is built with it too)");
        Path screenshots = Files.createDirectories(Path.of("target", "e2e-screenshots")).toAbsolutePath();
        return new BrowserScenario(node, chromium, baseUrl, screenshots, password);
    }

    private BrowserScenario(Path node, Path chromium, String baseUrl, Path screenshots, String password) {
        this.node = node;
        this.chromium = chromium;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        this.password = password;
    }

    /** Runs the scenario to its end; fails with the script's whole output unless it printed PASS. */
    Map<String, String> run(String scenario, Map<String, Runnable> steps) throws IOException, InterruptedException {
        Files.deleteIfExists(screenshots.resolve("failure-" + scenario + ".png"));
        ProcessBuilder builder = new ProcessBuilder(List.of(node.toString(), "e2e/scenarios.mjs", scenario, baseUrl, screenshots.toString()))
                .directory(Path.of("frontend").toFile())
                .redirectErrorStream(true);
        builder.environment().put("CHROMIUM", chromium.toString());
        builder.environment().put("E2E_PASSWORD", password);
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Map<String, String> results = new LinkedHashMap<>();
        boolean passed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("STEP ")) {
                    Runnable action = steps.get(line.substring(5));
                    assertNotNull(action, "the scenario asked for an unknown step: " + line + "\n" + output);
                    action.run();
                    in.write("DONE\n");
                    in.flush();
                } else if (line.startsWith("RESULT ")) {
                    String[] pair = line.substring(7).split("=", 2);
                    results.put(pair[0], pair[1]);
                } else if (line.equals("PASS")) {
                    passed = true;
                }
            }
        } finally {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("browser scenario " + scenario + " did not finish in " + TIMEOUT_SECONDS + " s\n" + output);
            }
        }
        if (!passed) {
            fail("browser scenario " + scenario + " failed (screenshot in " + screenshots + "):\n" + output);
        }
        assertEquals(0, process.exitValue(), output.toString());
        return results;
    }
}
