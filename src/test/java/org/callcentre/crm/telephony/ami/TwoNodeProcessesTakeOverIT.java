package org.callcentre.crm.telephony.ami;

import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.bootstrap.EmbeddedDatabases;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes as two processes of the packaged jar on one PostgreSQL the test starts: the leader
 * holds the manager connection and is {@code kill -9}ed mid-call; the standby logs in to Asterisk,
 * and the operator connected to the standby still gets the screen-pop and the call's end. The
 * takeover (kill to the standby's login) is printed, not asserted.
 */
class TwoNodeProcessesTakeOverIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dirs;

    @Test
    void theStandbyProcessTakesTheAmiConnectionWhenTheLeaderIsKilledMidCall() throws Exception {
        String database = EmbeddedDatabases.create("crm_two_nodes");
        try (Connection db = DriverManager.getConnection(database); Statement st = db.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        }
        AmiSample call = AmiSample.named("inbound-queue-answered", ObjectMapper.getDefault());
        try (AmiTestServer asterisk = AmiTestServer.start()) {
            Map<String, String> environment = new HashMap<>(Map.of(
                    "DATASOURCES_DEFAULT_URL", database, "CRM_CLUSTER_ENABLED", "true", "CRM_CLUSTER_CHECK_INTERVAL", "300ms",
                    "CRM_JWT_SECRET", "two-nodes-test-secret-0123456789abcdef", "CRM_SECRETS_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                    "CRM_AMI_HOST", "127.0.0.1", "CRM_AMI_PORT", String.valueOf(asterisk.port()),
                    "CRM_AMI_USERNAME", AmiTestServer.USERNAME, "CRM_AMI_SECRET", AmiTestServer.SECRET));
            environment.put("CRM_AMI_PING_INTERVAL", "1s");
            try (ServiceProcess leader = new ServiceProcess(Files.createDirectory(dirs.resolve("leader")), environment);
                 ServiceProcess standby = new ServiceProcess(Files.createDirectory(dirs.resolve("standby")), environment)) {
                leader.start();
                asterisk.awaitAction("Login", 1, PATIENCE);
                standby.start();
                String admin = leader.login();
                leader.post(admin, "/api/cities", "{\"name\":\"Казань\",\"timezone\":\"Europe/Moscow\"}");
                leader.post(admin, "/api/campaigns", "{\"rk\":\"KZN-AVITO\",\"city\":\"Казань\",\"phoneAts\":\"+78432507713\",\"source\":\"avito\"}");
                leader.post(admin, "/api/operators", """
                        {"login":"op101","password":"long-enough-password","name":"Ольга","role":"operator","city":"Казань","sipAddress":"101"}""");
                String operator = ServiceProcess.field(standbyLogin(standby), "accessToken");
                assertEquals(1, asterisk.actions("Login").size(), "only the leader logged in to Asterisk");

                BlockingQueue<String> pushes = new LinkedBlockingQueue<>();
                WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                        URI.create("ws://localhost:" + standby.uri("/").getPort() + "/ws/operator?token="
                                + URLEncoder.encode(operator, StandardCharsets.UTF_8)), collector(pushes)).get(30, TimeUnit.SECONDS);
                try {
                    int ringing = call.through("AgentCalled");
                    asterisk.replay(call.blocks().subList(0, ringing));
                    await(pushes, "the screen-pop on the standby", m -> m.contains("\"screen-pop\"") && m.contains(call.linkedId()));
                    int answered = call.through("AgentConnect");
                    asterisk.replay(call.blocks().subList(ringing, answered));
                    Eventually.until("the leader stored the answer", () -> "answered".equals(status(database, call)));

                    long killedAt = System.nanoTime();
                    leader.kill();
                    asterisk.awaitAction("Login", 2, PATIENCE);
                    System.out.printf("AMI connection taken over by the standby process %d ms after the leader's kill -9 (check interval 300 ms)%n",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
                    asterisk.awaitAction("CoreShowChannels", 2, PATIENCE);

                    asterisk.replay(call.blocks().subList(answered, call.blocks().size()));
                    await(pushes, "the call's end on the standby", m -> m.contains("\"call-updated\"") && m.contains(call.linkedId())
                            && m.contains("\"endedAt\":\""));
                } finally {
                    socket.abort();
                }
                try (Connection db = DriverManager.getConnection(database); Statement st = db.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*), min(status), min(talk_seconds), min(wait_seconds) FROM calls")) {
                    rs.next();
                    assertEquals(List.of(1L, "answered", 95, 15), List.of(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
                            "one call, with the recorded call's wait and talk");
                }
            }
        }
    }

    private static String standbyLogin(ServiceProcess standby) throws Exception {
        var response = standby.http().send(java.net.http.HttpRequest.newBuilder(standby.uri("/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"login\":\"op101\",\"password\":\"long-enough-password\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String status(String database, AmiSample call) {
        try (Connection db = DriverManager.getConnection(database); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT status FROM calls WHERE external_id = '" + call.linkedId() + "'")) {
            return rs.next() ? rs.getString(1) : "none";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BlockingQueue<String> pushes, String what, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String message = pushes.poll(500, TimeUnit.MILLISECONDS);
            if (message != null && wanted.test(message)) {
                return;
            }
        }
        throw new AssertionError("no " + what + " within " + PATIENCE);
    }

    private static WebSocket.Listener collector(BlockingQueue<String> pushes) {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    pushes.add(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
    }
}
