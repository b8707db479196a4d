package org.callcentre.crm.asr;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Resampling a block at a time gives what resampling the whole input at once gives, and keeps a tone a tone. */
class ResamplerTest {

    @Test
    void blocksOfAnySizeGiveTheSameSamplesAsTheWholeInputAtOnce() {
        Random random = new Random(7);
        float[] input = new float[20_011];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() * 2 - 1;
        }
        for (int[] rates : new int[][]{{44_100, 16_000}, {48_000, 16_000}, {22_050, 16_000}, {8_000, 16_000}, {11_025, 16_000}}) {
            Resampler whole = new Resampler(rates[0], rates[1]);
            float[] once = concat(whole.push(input), whole.finish());
            assertEquals((long) input.length * rates[1] / rates[0], once.length, "length at " + Arrays.toString(rates));

            Resampler blocks = new Resampler(rates[0], rates[1]);
            float[] pieces = new float[0];
            for (int at = 0; at < input.length; ) {
                int size = Math.min(input.length - at, random.nextInt(40) == 0 ? 0 : 1 + random.nextInt(5_000));
                pieces = concat(pieces, blocks.push(Arrays.copyOfRange(input, at, at + size)));
                at += size;
            }
            pieces = concat(pieces, blocks.finish());
            assertArrayEquals(once, pieces, "in blocks at " + Arrays.toString(rates));
        }
    }

    @Test
    void aToneBelowTheNewNyquistKeepsItsLoudnessAndOneAboveItIsFilteredOut() {
        int from = 44_100;
        int to = 16_000;
        double passed = rms(resample(tone(1_000, from, from * 2), from, to));
        double folded = rms(resample(tone(15_000, from, from * 2), from, to));
        assertEquals(1 / Math.sqrt(2), passed, 0.02, "a 1 kHz tone");
        // 15 kHz is past 8 kHz, the new Nyquist frequency: without the low-pass it would fold to 1 kHz at full loudness
        assertEquals(0, folded, 0.05, "a 15 kHz tone");
    }

    private static float[] resample(float[] input, int from, int to) {
        Resampler resampler = new Resampler(from, to);
        float[] out = new float[0];
        for (int at = 0; at < input.length; at += 4096) {
            out = concat(out, resampler.push(Arrays.copyOfRange(input, at, Math.min(input.length, at + 4096))));
        }
        return concat(out, resampler.finish());
    }

    private static float[] tone(double hz, int rate, int samples) {
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (float) Math.sin(2 * Math.PI * hz * i / rate);
        }
        return out;
    }

    private static double rms(float[] samples) {
        double sum = 0;
        // the filter's edges are left out: 100 samples each side
        for (int i = 100; i < samples.length - 100; i++) {
            sum += samples[i] * samples[i];
        }
        return Math.sqrt(sum / (samples.length - 200));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
