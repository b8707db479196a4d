package org.callcentre.loadtest;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Posts the timeline's webhooks the way Mango Office does (form fields {@code vpbx_api_key},
 * {@code sign} = SHA-256 hex of key + json + salt, {@code json}) over a fixed set of keep-alive
 * connections. The timeline hands each webhook over at its scheduled time and never waits: when
 * every connection is busy the webhook waits in the queue, and that wait is part of its latency,
 * which runs from the scheduled time to the last byte of the answer.
 *
 * <p>A webhook answered 503 with {@code Retry-After} is sent again after that many seconds, as
 * Mango does (up to {@code maxAttempts} tries in all); the 503s and the resends are counted, and
 * its time to the 200 runs from its first scheduled time, the waits included.
 */
final class MangoSender implements Timeline.Sink<MangoCallScript.Webhook>, AutoCloseable {
    /** @param firstNanos the first try's scheduled time; {@code scheduledNanos} this try's */
    private record Request(long scheduledNanos, MangoCallScript.Webhook webhook, String callKey, int attempt, long firstNanos) {
    }

    private static final Request STOP = new Request(0, null, null, 0, 0);

    private final String key;
    private final String salt;
    private final BlockingQueue<Request> queue;
    private final Thread[] workers;
    private final int maxAttempts;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mango-retries");
        t.setDaemon(true);
        return t;
    });
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final LatencyRecorder to200 = new LatencyRecorder();
    private final LongAdder resent = new LongAdder();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Set<String> refusedCalls = ConcurrentHashMap.newKeySet();
    private final LongAdder ioErrors = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong maxWaiting = new AtomicLong();
    private final LongAdder sentInWindow = new LongAdder();
    private volatile long windowEndNanos = Long.MAX_VALUE;
    private volatile String firstError;

    /**
     * @param queueCapacity {@code Integer.MAX_VALUE} for a real run (open loop); small for the tool's ceiling
     * @param maxAttempts   tries of a webhook answered 503 with {@code Retry-After}, the first included
     */
    MangoSender(String base, int connections, String key, String salt, int queueCapacity, int maxAttempts) {
        this.maxAttempts = maxAttempts;
        this.key = key;
        this.salt = salt;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        this.workers = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            KeepAliveHttp http = new KeepAliveHttp(base, null);
            workers[i] = new Thread(() -> work(http), "mango-sender-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /** Webhooks whose request left before this instant count as sent in the window. */
    void window(long endNanos) {
        windowEndNanos = endNanos;
    }

    @Override
    public void emit(Timeline.Item<MangoCallScript.Webhook> item, long scheduledNanos) throws InterruptedException {
        queue.put(new Request(scheduledNanos, item.payload(), item.key(), 1, scheduledNanos));
        long waiting = queued.incrementAndGet() - answered.sum() - ioErrors.sum();
        if (waiting > maxWaiting.get()) {
            maxWaiting.set(waiting);
        }
    }

    private void work(KeepAliveHttp http) {
        MessageDigest sha256 = sha256();
        try (http) {
            while (true) {
                Request r = queue.take();
                if (r == STOP) {
                    return;
                }
                byte[] body = form(sha256, r.webhook().json());
                if (r.attempt() == 1 && System.nanoTime() < windowEndNanos) {
                    sentInWindow.increment();
                }
                try {
                    KeepAliveHttp.Answer answer = http.post("/integrations/mango/" + r.webhook().path(), "application/x-www-form-urlencoded", body);
                    long now = System.nanoTime();
                    latencies.record(now - r.scheduledNanos());
                    statuses.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
                    if (answer.status() == 503 && answer.retryAfterSeconds() >= 0 && r.attempt() < maxAttempts) {
                        sendAgain(r, answer.retryAfterSeconds());
                        continue;
                    }
                    if (answer.status() == 200) {
                        to200.record(now - r.firstNanos());
                    } else {
                        refusedCalls.add(r.callKey());
                    }
                    answered.increment();
                } catch (IOException | RuntimeException e) {
                    ioErrors.increment();
                    refusedCalls.add(r.callKey());
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                    closeQuietly(http);
                }
            }
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** As Mango does with a 503: the same webhook, after {@code Retry-After}; its wait counts in its time to the 200. */
    private void sendAgain(Request r, long afterSeconds) {
        resent.increment();
        retries.schedule(() -> {
            queue.add(new Request(System.nanoTime(), r.webhook(), r.callKey(), r.attempt() + 1, r.firstNanos()));
        }, afterSeconds, TimeUnit.SECONDS);
    }

    /** The next request opens a new connection. */
    private static void closeQuietly(KeepAliveHttp http) {
        try {
            http.close();
        } catch (IOException alreadyGone) {
            // nothing to release
        }
    }

    private byte[] form(MessageDigest sha256, String json) {
        String sign = HexFormat.of().formatHex(sha256.digest((key + json + salt).getBytes(StandardCharsets.UTF_8)));
        return ("vpbx_api_key=" + enc(key) + "&sign=" + sign + "&json=" + enc(json)).getBytes(StandardCharsets.US_ASCII);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every emitted webhook has its answer (or failed). @return false on timeout */
    boolean awaitAnswered(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (answered.sum() + ioErrors.sum() < queued.get()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    long answered() {
        return answered.sum();
    }

    long sentInWindow() {
        return sentInWindow.sum();
    }

    long maxWaiting() {
        return maxWaiting.get();
    }

    /** Every answer (a 503 and the later try each count), from the time that try was due. */
    LatencyRecorder latencies() {
        return latencies;
    }

    /** Webhooks answered 200, from their first scheduled time: the waits after a 503 included. */
    LatencyRecorder toThe200() {
        return to200;
    }

    /** Tries sent again after a 503 with {@code Retry-After}. */
    long resent() {
        return resent.sum();
    }

    /** Answers by HTTP status (every try), plus {@code io} for requests that got none. */
    Map<String, Long> outcomes() {
        Map<String, Long> out = new TreeMap<>();
        statuses.forEach((status, n) -> out.put(String.valueOf(status), n.sum()));
        if (ioErrors.sum() > 0) {
            out.put("no answer (" + firstError + ")", ioErrors.sum());
        }
        return out;
    }

    /** Webhooks whose last try was not answered 200 (a 503 sent again and then taken is not one). */
    long non200() {
        return answered.sum() + ioErrors.sum() - to200.count();
    }

    /** Calls with at least one webhook not answered 200: Mango would have to retry them. */
    Set<String> refusedCalls() {
        return refusedCalls;
    }

    @Override
    public void close() throws InterruptedException {
        retries.shutdownNow();
        for (int i = 0; i < workers.length; i++) {
            queue.put(STOP);
        }
    }
}
