package org.callcentre.loadtest;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a running CRM the way a busy Asterisk does: it is the AMI server the CRM connects to,
 * streams queue calls at a chosen event rate for a chosen time, keeps one WebSocket per operator
 * open and reports events/s sustained, event → screen-pop latency, calls persisted versus sent,
 * the service's RSS, and asterisk-java's own parse rate on the same stream.
 *
 * <pre>java -jar load-testing/target/load-test.jar service=http://127.0.0.1:8080 adminPassword=… \
 *      amiPort=15038 rate=20000 seconds=60 operators=100 servicePid=1234 (or servicePidFile=path)</pre>
 */
public final class LoadTest {
    private static final int EVENTS_PER_CALL = 18;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            opt.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String service = opt.getOrDefault("service", "http://127.0.0.1:8080");
        int rate = Integer.parseInt(opt.getOrDefault("rate", "20000"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "60"));
        int operators = Integer.parseInt(opt.getOrDefault("operators", "100"));
        int amiPort = Integer.parseInt(opt.getOrDefault("amiPort", "15038"));
        String runId = opt.getOrDefault("run", String.valueOf(System.currentTimeMillis() / 1000));

        // Measured first, while nothing else runs in this JVM, so the denominator is not disturbed.
        int parseCalls = Integer.parseInt(opt.getOrDefault("parseCalls", "20000"));
        String parseRate = parseCalls <= 0 ? "" : String.format("asterisk-java alone   %.0f events/s (no-op listener, %d events)",
                ParseRate.eventsPerSecond(parseCalls), (long) parseCalls * EVENTS_PER_CALL);
        if ("parse".equals(opt.get("only"))) {
            System.out.println(parseRate);
            return;
        }
        CrmApi api = new CrmApi(service);
        try (AmiServer ami = new AmiServer(amiPort)) {
            System.out.println("AMI server on 127.0.0.1:" + ami.port() + "; waiting for the CRM to log in …");
            if (!ami.awaitLogin(120)) {
                throw new IllegalStateException("the CRM did not log in to AMI (is CRM_AMI_HOST/PORT set?)");
            }
            api.awaitHealthy(120);
            String admin = api.login("admin", opt.get("adminPassword"));
            String rk = "BENCH-" + runId;
            api.ensure(admin, "/api/cities", "{\"name\":\"Бенчмарк\",\"timezone\":\"Europe/Moscow\"}");
            api.ensure(admin, "/api/campaigns", "{\"rk\":\"" + rk + "\",\"city\":\"Бенчмарк\",\"phoneAts\":\"+7843" + runId.substring(runId.length() - 7)
                    + "\",\"source\":\"bench\"}");
            String did = "7843" + runId.substring(runId.length() - 7);

            ConcurrentHashMap<String, Long> ringingSentAt = new ConcurrentHashMap<>();
            LatencyRecorder latencies = new LatencyRecorder();
            AtomicLong pops = new AtomicLong();
            List<WebSocket> sockets = new ArrayList<>();
            for (int i = 0; i < operators; i++) {
                String ext = String.valueOf(5000 + i);
                api.ensure(admin, "/api/operators", "{\"login\":\"bench" + ext + "\",\"password\":\"bench-password-1\",\"name\":\"Bench "
                        + ext + "\",\"role\":\"operator\",\"city\":\"Бенчмарк\",\"sipAddress\":\"" + ext + "\"}");
                String token = api.login("bench" + ext, "bench-password-1");
                sockets.add(api.http().newWebSocketBuilder()
                        .buildAsync(URI.create(service.replaceFirst("^http", "ws") + "/ws/operator?token=" + token),
                                new ScreenPopListener(ringingSentAt, latencies, pops)).join());
            }
            System.out.printf("%d operators connected over WebSocket; streaming %d events/s for %d s%n", operators, rate, seconds);

            Instant startedAt = Instant.now();
            long[] sent = stream(ami, rate, seconds, operators, did, ringingSentAt);
            long calls = sent[0];
            long events = sent[1];
            double streamSeconds = sent[2] / 1e9;
            Instant endedAt = Instant.now();

            long persisted = 0;
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline) {
                persisted = countAnswered(api, admin, rk, startedAt.minusSeconds(5), endedAt.plusSeconds(5));
                if (persisted >= calls) {
                    break;
                }
                Thread.sleep(1000);
            }
            double drainSeconds = (Instant.now().toEpochMilli() - endedAt.toEpochMilli()) / 1000.0;

            System.out.println();
            System.out.println("== AMI ingest benchmark ==");
            System.out.printf("events sent           %d in %.1f s = %.0f events/s (target rate %d)%n", events, streamSeconds, events / streamSeconds, rate);
            System.out.printf("calls sent/persisted  %d / %d answered rows (%s), drained %.1f s after the stream ended%n", calls, persisted,
                    persisted == calls ? "none lost" : (calls - persisted) + " missing", drainSeconds);
            System.out.printf("screen-pops received  %d of %d; ringing → pop latency %s%n", pops.get(), calls, latencies.summary());
            String pid = opt.containsKey("servicePidFile") ? Files.readString(Path.of(opt.get("servicePidFile"))).trim() : opt.get("servicePid");
            if (pid != null) {
                System.out.println("service RSS           " + rss(pid));
            }
            System.out.println(parseRate);
            sockets.forEach(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        }
    }

    /** @return calls, events, nanoseconds spent streaming */
    private static long[] stream(AmiServer ami, int rate, int seconds, int operators, String did,
                                 ConcurrentHashMap<String, Long> ringingSentAt) throws Exception {
        double callsPerSecond = rate / (double) EVENTS_PER_CALL;
        long epochMicros0 = System.currentTimeMillis() * 1000;
        long start = System.nanoTime();
        long stopStarting = start + seconds * 1_000_000_000L;
        PriorityQueue<AmiCallScript.TimedEvent> due = new PriorityQueue<>(
                java.util.Comparator.comparingLong(AmiCallScript.TimedEvent::atNanos).thenComparingLong(AmiCallScript.TimedEvent::order));
        long calls = 0;
        long events = 0;
        long sequence = start % 1_000_000;
        StringBuilder batch = new StringBuilder(1 << 16);
        while (true) {
            long now = System.nanoTime();
            if (now < stopStarting) {
                long wanted = (long) ((now - start) / 1e9 * callsPerSecond);
                while (calls < wanted) {
                    long offset = (now - start) / 1000;
                    String ext = String.valueOf(5000 + (int) (calls % operators));
                    due.addAll(AmiCallScript.call(now, epochMicros0 + offset, sequence + calls,
                            "7916" + String.format("%07d", (sequence + calls) % 10_000_000), did, ext, "bench", 1000, 2000));
                    calls++;
                }
            } else if (due.isEmpty()) {
                return new long[]{calls, events, now - start};
            }
            batch.setLength(0);
            while (!due.isEmpty() && due.peek().atNanos() <= now) {
                AmiCallScript.TimedEvent e = due.poll();
                if (e.ringing()) {
                    ringingSentAt.put(e.callKey(), System.nanoTime());
                }
                batch.append(e.block());
                events++;
            }
            if (batch.length() > 0) {
                ami.write(batch.toString(), true);
            }
            Thread.sleep(1);
        }
    }

    /** Counted in two-second windows so that each count stays exact (the API estimates past 10 000 rows). */
    private static long countAnswered(CrmApi api, String token, String rk, Instant from, Instant to) throws Exception {
        long total = 0;
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(2)) {
            total += api.countCalls(token, rk, "answered", t.toString(), t.plusSeconds(2).minusNanos(1000).toString());
        }
        return total;
    }

    private static String rss(String pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS")) {
                return line.substring(6).trim();
            }
        }
        return "unknown";
    }
}
