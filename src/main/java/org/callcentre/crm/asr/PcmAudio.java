package org.callcentre.crm.asr;

import java.io.IOException;
import java.util.Arrays;

/**
 * Decoded audio held whole: one array of samples in [-1, 1] per channel, all of the same length. For short
 * audio (tests, the ASR benchmark); recordings are transcribed from a {@link PcmStream}.
 */
public record PcmAudio(float[][] channels, int sampleRate) {

    /** Reads a stream to its end. */
    public static PcmAudio readAll(PcmStream stream) throws IOException {
        float[][] all = new float[stream.channelCount()][PcmStream.BLOCK_FRAMES];
        int size = 0;
        for (float[][] block = stream.next(); block != null; block = stream.next()) {
            if (size + block[0].length > all[0].length) {
                for (int c = 0; c < all.length; c++) {
                    all[c] = Arrays.copyOf(all[c], Math.max(all[c].length * 2, size + block[0].length));
                }
            }
            for (int c = 0; c < all.length; c++) {
                System.arraycopy(block[c], 0, all[c], size, block[c].length);
            }
            size += block[0].length;
        }
        for (int c = 0; c < all.length; c++) {
            all[c] = Arrays.copyOf(all[c], size);
        }
        return new PcmAudio(all, stream.sampleRate());
    }

    /** This audio a block at a time. */
    public PcmStream stream() {
        return new PcmStream() {
            private int at;

            @Override
            public int channelCount() {
                return channels.length;
            }

            @Override
            public int sampleRate() {
                return sampleRate;
            }

            @Override
            public float[][] next() {
                int length = channels.length == 0 ? 0 : Math.min(BLOCK_FRAMES, channels[0].length - at);
                if (length <= 0) {
                    return null;
                }
                float[][] block = new float[channels.length][];
                for (int c = 0; c < block.length; c++) {
                    block[c] = Arrays.copyOfRange(channels[c], at, at + length);
                }
                at += length;
                return block;
            }
        };
    }

    public int channelCount() {
        return channels.length;
    }

    public double seconds() {
        return channels.length == 0 ? 0 : (double) channels[0].length / sampleRate;
    }

    public PcmAudio channel(int index) {
        return new PcmAudio(new float[][]{channels[index]}, sampleRate);
    }

    /** Samples as 16-bit little-endian PCM, the form recognizers take. */
    public static byte[] pcm16le(float[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767f);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
