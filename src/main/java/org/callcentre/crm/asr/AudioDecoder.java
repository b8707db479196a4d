package org.callcentre.crm.asr;

import org.callcentre.crm.asr.mp3.Mp3Decoder;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Reads a recording into samples: MP3 with JLayer, WAV (PCM, μ-law, A-law) with the JDK's own reader. */
public final class AudioDecoder {
    private AudioDecoder() {
    }

    /**
     * @param longest a longer recording is refused as soon as the decoding passes it: the samples are held in
     *                memory (4 bytes per sample and channel), so this bounds what one recording can take
     */
    public static PcmAudio decode(Path file, String contentType, Duration longest) throws IOException {
        boolean mp3 = contentType.contains("mpeg") || contentType.contains("mp3") || file.toString().endsWith(".mp3");
        return mp3 ? Mp3Decoder.decode(file, longest) : decodeWav(file, longest);
    }

    static PcmAudio decodeWav(Path file, Duration longest) throws IOException {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat in = source.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, in.getSampleRate(), 16, in.getChannels(),
                    in.getChannels() * 2, in.getSampleRate(), false);
            long maxFrames = (long) (longest.toMillis() / 1000.0 * in.getSampleRate());
            if (source.getFrameLength() != AudioSystem.NOT_SPECIFIED && source.getFrameLength() > maxFrames) {
                throw Mp3Decoder.tooLong(longest);
            }
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, source)) {
                // a header may understate its length: read no more than the limit allows
                long maxBytes = maxFrames * pcm.getFrameSize();
                byte[] bytes = converted.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw Mp3Decoder.tooLong(longest);
                }
                int channels = in.getChannels();
                int frames = bytes.length / (2 * channels);
                float[][] out = new float[channels][frames];
                for (int f = 0; f < frames; f++) {
                    for (int c = 0; c < channels; c++) {
                        int at = (f * channels + c) * 2;
                        out[c][f] = (short) ((bytes[at] & 0xff) | (bytes[at + 1] << 8)) / 32768f;
                    }
                }
                return new PcmAudio(out, Math.round(in.getSampleRate()));
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException("unreadable WAV " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
