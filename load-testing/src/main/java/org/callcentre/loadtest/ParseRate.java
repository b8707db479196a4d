package org.callcentre.loadtest;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The denominator of the ingest figure: how fast asterisk-java alone reads the same AMI stream
 * with a listener that does nothing, on this machine.
 */
final class ParseRate {
    private ParseRate() {
    }

    static double eventsPerSecond(int calls) throws Exception {
        try (AmiServer server = new AmiServer(0, true, 0)) {
            ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", server.port(), "bench", "bench")
                    .createManagerConnection();
            AtomicLong received = new AtomicLong();
            connection.addEventListener(event -> received.incrementAndGet());
            connection.login();
            AmiCallScript script = new AmiCallScript("78430000000", "bench");
            CallMix mix = new CallMix(1, 0.85, new long[]{1000, 1000}, new long[]{2000, 2000}, 100, 0, 0);
            StringBuilder stream = new StringBuilder();
            long expected = 0;
            for (int i = 0; i < calls; i++) {
                for (Timeline.Step<String> e : script.write(mix.next(), System.nanoTime()).steps()) {
                    stream.append(e.payload());
                    expected++;
                }
            }
            long base = received.get();
            long start = System.nanoTime();
            server.write(stream.toString(), (int) expected, java.util.List.of());
            while (received.get() - base < expected) {
                if (System.nanoTime() - start > 120_000_000_000L) {
                    throw new IllegalStateException("asterisk-java read only " + (received.get() - base) + " of " + expected);
                }
                Thread.sleep(1);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.logoff();
            return expected / seconds;
        }
    }
}
