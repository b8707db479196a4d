package org.callcentre.loadtest;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One operator's browser: hands each screen-pop's call key and arrival time to the {@link PopWatch}. */
final class ScreenPopListener implements WebSocket.Listener {
    private static final Pattern EXTERNAL_ID = Pattern.compile("\"externalId\"\\s*:\\s*\"([^\"]+)\"");

    private final PopWatch pops;
    private final StringBuilder partial = new StringBuilder();

    ScreenPopListener(PopWatch pops) {
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
                    pops.popped(m.group(1), now);
                }
            }
        }
        webSocket.request(1);
        return null;
    }
}
