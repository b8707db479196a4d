package org.callcentre.loadtest;

import java.util.Arrays;

/** Nanosecond samples, kept whole so that percentiles are exact. */
final class LatencyRecorder {
    private long[] samples = new long[1 << 16];
    private int count;

    synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = nanos;
    }

    synchronized String summary() {
        if (count == 0) {
            return "no samples";
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return String.format("n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", count, ms(sorted[(int) (count * 0.50)]),
                ms(sorted[Math.min(count - 1, (int) (count * 0.99))]), ms(sorted[count - 1]));
    }

    synchronized int count() {
        return count;
    }

    /** The sample below which {@code share} (0…1) of the samples lie, in milliseconds. */
    synchronized double percentileMillis(double share) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return ms(sorted[Math.min(count - 1, (int) (count * share))]);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
