package org.callcentre.crm.asr;

import org.callcentre.crm.asr.mp3.Mp3Decoder;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a recording into samples: MP3 with JLayer, WAV (PCM, μ-law, A-law) with the JDK's own reader. */
public final class AudioDecoder {
    private AudioDecoder() {
    }

    public static PcmAudio decode(Path file, String contentType) throws IOException {
        boolean mp3 = contentType.contains("mpeg") || contentType.contains("mp3") || file.toString().endsWith(".mp3");
        return mp3 ? Mp3Decoder.decode(file) : decodeWav(file);
    }

    static PcmAudio decodeWav(Path file) throws IOException {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat in = source.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, in.getSampleRate(), 16, in.getChannels(),
                    in.getChannels() * 2, in.getSampleRate(), false);
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, source)) {
                byte[] bytes = converted.readAllBytes();
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
