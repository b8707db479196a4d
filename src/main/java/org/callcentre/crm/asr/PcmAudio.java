package org.callcentre.crm.asr;

/**
 * Decoded audio: one array of samples in [-1, 1] per channel, all of the same length.
 */
public record PcmAudio(float[][] channels, int sampleRate) {

    public int channelCount() {
        return channels.length;
    }

    public double seconds() {
        return channels.length == 0 ? 0 : (double) channels[0].length / sampleRate;
    }

    public PcmAudio channel(int index) {
        return new PcmAudio(new float[][]{channels[index]}, sampleRate);
    }

    /** The average of all channels. */
    public PcmAudio mono() {
        if (channels.length == 1) {
            return this;
        }
        float[] mixed = new float[channels[0].length];
        for (float[] channel : channels) {
            for (int i = 0; i < mixed.length; i++) {
                mixed[i] += channel[i] / channels.length;
            }
        }
        return new PcmAudio(new float[][]{mixed}, sampleRate);
    }

    /** The first channel as 16-bit little-endian PCM, the form recognizers take. */
    public byte[] pcm16le() {
        float[] samples = channels[0];
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767f);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
