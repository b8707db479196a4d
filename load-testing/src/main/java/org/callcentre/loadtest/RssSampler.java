package org.callcentre.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** The service's resident memory, read from /proc twice a second: the highest and the latest. */
final class RssSampler {
    private final Path status;
    private final AtomicLong maxKb = new AtomicLong();
    private final AtomicLong lastKb = new AtomicLong();

    private RssSampler(String pid) {
        this.status = Path.of("/proc", pid, "status");
    }

    static RssSampler start(String pid) {
        RssSampler sampler = new RssSampler(pid);
        Thread t = new Thread(sampler::sample, "rss-sampler");
        t.setDaemon(true);
        t.start();
        return sampler;
    }

    private void sample() {
        try {
            while (true) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        long kb = Long.parseLong(line.substring(6).replace("kB", "").trim());
                        lastKb.set(kb);
                        maxKb.accumulateAndGet(kb, Math::max);
                    }
                }
                Thread.sleep(500);
            }
        } catch (IOException | InterruptedException | RuntimeException gone) {
            // the service stopped; keep what was read
        }
    }

    String summary() {
        return String.format("max %d MB, at the end %d MB", maxKb.get() / 1024, lastKb.get() / 1024);
    }
}
