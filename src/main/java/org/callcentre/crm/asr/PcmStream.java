package org.callcentre.crm.asr;

import java.io.Closeable;
import java.io.IOException;

/**
 * Audio read a block at a time, so that what a recording takes in memory does not grow with its length:
 * each block is one array of samples in [-1, 1] per channel, all of the same length.
 */
public interface PcmStream extends Closeable {
    /** Frames in one block of the decoders and resamplers here: 0.5 s at 8 kHz, what a recognizer takes at once. */
    int BLOCK_FRAMES = 4096;

    int channelCount();

    int sampleRate();

    /** @return the next block, or {@code null} at the end */
    float[][] next() throws IOException;

    @Override
    default void close() throws IOException {
    }

    /** Opens the same audio again from its start: a stereo call is read once per channel. */
    interface Source {
        PcmStream open() throws IOException;
    }
}
