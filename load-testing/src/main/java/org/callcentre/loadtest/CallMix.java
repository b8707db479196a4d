package org.callcentre.loadtest;

import java.util.Random;

/**
 * Draws the calls of a run from one seeded stream: extensions in turn over all operators (the
 * first {@code connected} of them have a WebSocket open), ring and talk times uniform in their
 * ranges, a share answered and the rest abandoned by the caller while the phone rings.
 */
final class CallMix {
    static final int FIRST_EXTENSION = 5000;

    private final Random random;
    private final double answeredShare;
    private final long[] ringMillis;
    private final long[] talkMillis;
    private final int operators;
    private final int connected;
    private final long firstSequence;
    private long next;

    CallMix(long seed, double answeredShare, long[] ringMillis, long[] talkMillis, int operators, int connected, long firstSequence) {
        this.random = new Random(seed);
        this.answeredShare = answeredShare;
        this.ringMillis = ringMillis;
        this.talkMillis = talkMillis;
        this.operators = operators;
        this.connected = connected;
        this.firstSequence = firstSequence;
    }

    PlannedCall next() {
        long sequence = firstSequence + next;
        int operator = (int) (next % operators);
        next++;
        return new PlannedCall(sequence, "7916" + String.format("%07d", sequence % 10_000_000),
                String.valueOf(FIRST_EXTENSION + operator), operator < connected, random.nextDouble() < answeredShare,
                between(ringMillis), between(talkMillis));
    }

    private long between(long[] range) {
        return range[0] + (range[1] > range[0] ? (long) (random.nextDouble() * (range[1] - range[0] + 1)) : 0);
    }
}
