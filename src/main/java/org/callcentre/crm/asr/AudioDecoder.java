package org.callcentre.crm.asr;

import org.callcentre.crm.asr.mp3.Mp3Decoder;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a recording into samples, a block at a time: MP3 with JLayer, WAV (PCM, μ-law, A-law) with the
 * JDK's own reader. A recording is refused ({@link UnreadableAudio}) as soon as the decoding passes the
 * longest allowed duration, whatever its header says.
 */
public final class AudioDecoder {
    private AudioDecoder() {
    }

    public static PcmStream open(Path file, String contentType, Duration longest) throws IOException {
        boolean mp3 = contentType.contains("mpeg") || contentType.contains("mp3") || file.toString().endsWith(".mp3");
        return mp3 ? Mp3Decoder.open(file, longest) : openWav(file, longest);
    }

    /** The whole recording in memory: for short audio only (tests, the ASR benchmark's inputs). */
    public static PcmAudio decode(Path file, String contentType, Duration longest) throws IOException {
        try (PcmStream stream = open(file, contentType, longest)) {
            return PcmAudio.readAll(stream);
        }
    }

    static PcmStream openWav(Path file, Duration longest) throws IOException {
        AudioInputStream source;
        try {
            source = AudioSystem.getAudioInputStream(file.toFile());
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new UnreadableAudio("unreadable WAV " + file.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            AudioFormat in = source.getFormat();
            long maxFrames = (long) (longest.toMillis() / 1000.0 * in.getSampleRate());
            if (source.getFrameLength() != AudioSystem.NOT_SPECIFIED && source.getFrameLength() > maxFrames) {
                throw UnreadableAudio.tooLong(longest);
            }
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, in.getSampleRate(), 16, in.getChannels(),
                    in.getChannels() * 2, in.getSampleRate(), false);
            return new WavStream(AudioSystem.getAudioInputStream(pcm, source), in.getChannels(), Math.round(in.getSampleRate()),
                    maxFrames, longest);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e instanceof UnreadableAudio u ? u : new UnreadableAudio("unreadable WAV " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** 16-bit PCM converted from whatever the file holds, one block of frames per read. */
    private static final class WavStream implements PcmStream {
        private final AudioInputStream pcm;
        private final int channels;
        private final int rate;
        private final long maxFrames;
        private final Duration longest;
        private final byte[] bytes;
        private long frames;

        WavStream(AudioInputStream pcm, int channels, int rate, long maxFrames, Duration longest) {
            this.pcm = pcm;
            this.channels = channels;
            this.rate = rate;
            this.maxFrames = maxFrames;
            this.longest = longest;
            this.bytes = new byte[BLOCK_FRAMES * channels * 2];
        }

        @Override
        public int channelCount() {
            return channels;
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public float[][] next() throws IOException {
            int read = pcm.readNBytes(bytes, 0, bytes.length);
            int count = read / (2 * channels);
            if (count == 0) {
                return null;
            }
            frames += count;
            // a header may understate its length: the count decides
            if (frames > maxFrames) {
                throw UnreadableAudio.tooLong(longest);
            }
            float[][] out = new float[channels][count];
            for (int f = 0; f < count; f++) {
                for (int c = 0; c < channels; c++) {
                    int at = (f * channels + c) * 2;
                    out[c][f] = (short) ((bytes[at] & 0xff) | (bytes[at + 1] << 8)) / 32768f;
                }
            }
            return out;
        }

        @Override
        public void close() throws IOException {
            pcm.close();
        }
    }
}
