package org.callcentre.crm.asr;

import java.io.IOException;
import java.util.Arrays;

/**
 * Changes a recording's sample rate to the recognizer's, a block at a time: it keeps only the few
 * samples the next output needs, so a long recording costs no more memory than a short one. Going down,
 * a windowed-sinc low-pass at the new Nyquist frequency comes first, or the upper band of a 44.1 kHz
 * file would fold into speech; then linear interpolation. However the input is cut into blocks, the
 * output is the same as for the whole input at once.
 */
public final class Resampler {
    private static final int HALF_TAPS = 16;

    private final int from;
    private final int to;
    private final double step;
    /** The low-pass filter, or null going up (nothing to fold). */
    private final double[] taps;
    private final double tapSum;
    private final Samples raw = new Samples();
    private final Samples filtered = new Samples();
    private long filteredNext;
    private long outNext;

    public Resampler(int from, int to) {
        this.from = from;
        this.to = to;
        this.step = (double) from / to;
        if (to < from) {
            double cutoff = (double) to / from / 2;
            taps = new double[2 * HALF_TAPS + 1];
            double sum = 0;
            for (int k = -HALF_TAPS; k <= HALF_TAPS; k++) {
                double sinc = k == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * k) / (Math.PI * k);
                double hann = 0.5 + 0.5 * Math.cos(Math.PI * k / (HALF_TAPS + 1));
                taps[k + HALF_TAPS] = sinc * hann;
                sum += taps[k + HALF_TAPS];
            }
            tapSum = sum;
        } else {
            taps = null;
            tapSum = 1;
        }
    }

    /** The output the next input samples complete (it lags the input by a few samples). */
    public float[] push(float[] samples) {
        return from == to ? samples : interpolate(lowPass(samples, false), false);
    }

    /** The rest of the output, once the input has ended. */
    public float[] finish() {
        return from == to ? new float[0] : interpolate(lowPass(new float[0], true), true);
    }

    /** Whole audio, every channel. */
    public static PcmAudio resample(PcmAudio audio, int targetRate) {
        if (audio.sampleRate() == targetRate) {
            return audio;
        }
        float[][] out = new float[audio.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            Resampler resampler = new Resampler(audio.sampleRate(), targetRate);
            float[] head = resampler.push(audio.channels()[c]);
            float[] tail = resampler.finish();
            out[c] = Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, out[c], head.length, tail.length);
        }
        return new PcmAudio(out, targetRate);
    }

    /** A mono stream at the target rate, block by block. */
    public static PcmStream resample(PcmStream mono, int targetRate) {
        if (mono.sampleRate() == targetRate) {
            return mono;
        }
        Resampler resampler = new Resampler(mono.sampleRate(), targetRate);
        return new PcmStream() {
            private boolean ended;

            @Override
            public int channelCount() {
                return 1;
            }

            @Override
            public int sampleRate() {
                return targetRate;
            }

            @Override
            public float[][] next() throws IOException {
                while (!ended) {
                    float[][] block = mono.next();
                    float[] out = block == null ? resampler.finish() : resampler.push(block[0]);
                    ended = block == null;
                    if (out.length > 0) {
                        return new float[][]{out};
                    }
                }
                return null;
            }

            @Override
            public void close() throws IOException {
                mono.close();
            }
        };
    }

    /** y[i] from x[i − 16 … i + 16]: produced once x[i + 16] has arrived, or the input has ended (missing samples count 0). */
    private float[] lowPass(float[] samples, boolean end) {
        if (taps == null) {
            return samples;
        }
        raw.append(samples);
        long upTo = end ? raw.received : raw.received - HALF_TAPS;
        float[] out = new float[(int) Math.max(0, upTo - filteredNext)];
        for (int o = 0; o < out.length; o++) {
            long i = filteredNext + o;
            double acc = 0;
            for (int k = -HALF_TAPS; k <= HALF_TAPS; k++) {
                long j = i + k;
                if (j >= 0 && j < raw.received) {
                    acc += raw.at(j) * taps[k + HALF_TAPS];
                }
            }
            out[o] = (float) (acc / tapSum);
        }
        filteredNext += out.length;
        raw.dropBefore(filteredNext - HALF_TAPS);
        return out;
    }

    /** out[k] between x[⌊k·from/to⌋] and the sample after it; the last sample stands in for those past the end. */
    private float[] interpolate(float[] samples, boolean end) {
        filtered.append(samples);
        long length = filtered.received * to / from;
        float[] out = new float[(int) Math.max(0, length - outNext)];
        int n = 0;
        for (long k = outNext; k < length; k++) {
            double pos = k * step;
            long j = (long) pos;
            if (!end && j + 1 >= filtered.received) {
                break;
            }
            double frac = pos - j;
            float a = filtered.at(Math.min(j, filtered.received - 1));
            float b = filtered.at(Math.min(j + 1, filtered.received - 1));
            out[n++] = (float) (a + (b - a) * frac);
        }
        outNext += n;
        filtered.dropBefore(Math.min((long) (outNext * step), filtered.received - 1));
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The samples still needed, by their index in the whole input. */
    private static final class Samples {
        private float[] data = new float[0];
        private long base;
        private int size;
        private long received;

        void append(float[] samples) {
            if (size + samples.length > data.length) {
                data = Arrays.copyOf(data, Math.max(size + samples.length, data.length * 2));
            }
            System.arraycopy(samples, 0, data, size, samples.length);
            size += samples.length;
            received += samples.length;
        }

        float at(long index) {
            return data[(int) (index - base)];
        }

        void dropBefore(long index) {
            int drop = (int) Math.min(size, Math.max(0, index - base));
            if (drop > 0) {
                System.arraycopy(data, drop, data, 0, size - drop);
                size -= drop;
                base += drop;
            }
        }
    }
}
