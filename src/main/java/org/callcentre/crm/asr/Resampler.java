package org.callcentre.crm.asr;

/**
 * Changes a recording's sample rate to the recognizer's. Going down, a windowed-sinc low-pass at the
 * new Nyquist frequency comes first, or the upper band of a 44.1 kHz file would fold into speech.
 */
public final class Resampler {
    private static final int HALF_TAPS = 16;

    private Resampler() {
    }

    public static PcmAudio resample(PcmAudio audio, int targetRate) {
        if (audio.sampleRate() == targetRate) {
            return audio;
        }
        float[][] out = new float[audio.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            float[] source = audio.channels()[c];
            if (targetRate < audio.sampleRate()) {
                source = lowPass(source, (double) targetRate / audio.sampleRate() / 2);
            }
            out[c] = interpolate(source, audio.sampleRate(), targetRate);
        }
        return new PcmAudio(out, targetRate);
    }

    /** @param cutoff as a fraction of the sample rate (0.5 = Nyquist) */
    static float[] lowPass(float[] x, double cutoff) {
        double[] taps = new double[2 * HALF_TAPS + 1];
        double sum = 0;
        for (int k = -HALF_TAPS; k <= HALF_TAPS; k++) {
            double sinc = k == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * k) / (Math.PI * k);
            double hann = 0.5 + 0.5 * Math.cos(Math.PI * k / (HALF_TAPS + 1));
            taps[k + HALF_TAPS] = sinc * hann;
            sum += taps[k + HALF_TAPS];
        }
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double acc = 0;
            for (int k = -HALF_TAPS; k <= HALF_TAPS; k++) {
                int j = i + k;
                if (j >= 0 && j < x.length) {
                    acc += x[j] * taps[k + HALF_TAPS];
                }
            }
            y[i] = (float) (acc / sum);
        }
        return y;
    }

    private static float[] interpolate(float[] x, int from, int to) {
        int length = (int) ((long) x.length * to / from);
        float[] y = new float[length];
        double step = (double) from / to;
        for (int i = 0; i < length; i++) {
            double pos = i * step;
            int j = (int) pos;
            double frac = pos - j;
            float a = x[Math.min(j, x.length - 1)];
            float b = x[Math.min(j + 1, x.length - 1)];
            y[i] = (float) (a + (b - a) * frac);
        }
        return y;
    }
}
