package org.callcentre.loadtest;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operator's browser: receives screen-pops over the WebSocket and records, per call, how long
 * after the ringing event left the PBX side the pop arrived.
 */
final class ScreenPopListener implements WebSocket.Listener {
    private static final Pattern EXTERNAL_ID = Pattern.compile("\"externalId\"\\s*:\\s*\"([^\"]+)\"");

    private final ConcurrentHashMap<String, Long> ringingSentAt;
    private final LatencyRecorder latencies;
    private final AtomicLong pops;
    private final StringBuilder partial = new StringBuilder();

    ScreenPopListener(ConcurrentHashMap<String, Long> ringingSentAt, LatencyRecorder latencies, AtomicLong pops) {
        this.ringingSentAt = ringingSentAt;
        this.latencies = latencies;
        this.pops = pops;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            if (message.contains("\"screen-pop\"")) {
                Matcher m = EXTERNAL_ID.matcher(message);
                if (m.find()) {
                    Long sent = ringingSentAt.remove(m.group(1));
                    if (sent != null) {
                        latencies.record(now - sent);
                        pops.incrementAndGet();
                    }
                }
            }
        }
        webSocket.request(1);
        return null;
    }
}
