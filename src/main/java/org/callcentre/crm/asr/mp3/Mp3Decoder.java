package org.callcentre.crm.asr.mp3;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;
import org.callcentre.crm.asr.PcmAudio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** MP3 (Mango's recordings) decoded with JLayer, frame by frame, into per-channel samples. */
public final class Mp3Decoder {
    private Mp3Decoder() {
    }

    /** Decodes frame by frame and stops, refusing, as soon as the samples pass {@code longest}. */
    public static PcmAudio decode(Path file, Duration longest) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Bitstream bitstream = new Bitstream(in);
            Decoder decoder = new Decoder();
            FloatBuffers buffers = null;
            int rate = 0;
            Header header;
            while ((header = bitstream.readFrame()) != null) {
                SampleBuffer frame = (SampleBuffer) decoder.decodeFrame(header, bitstream);
                int channels = frame.getChannelCount();
                if (buffers == null) {
                    buffers = new FloatBuffers(channels);
                    rate = frame.getSampleFrequency();
                }
                if (buffers.size > longest.toMillis() / 1000.0 * rate) {
                    throw tooLong(longest);
                }
                short[] interleaved = frame.getBuffer();
                int length = frame.getBufferLength();
                for (int i = 0; i + channels - 1 < length; i += channels) {
                    for (int c = 0; c < buffers.channels(); c++) {
                        buffers.add(c, interleaved[i + Math.min(c, channels - 1)] / 32768f);
                    }
                }
                bitstream.closeFrame();
            }
            if (buffers == null) {
                throw new IOException("no MP3 frames in " + file.getFileName());
            }
            return new PcmAudio(buffers.toArrays(), rate);
        } catch (BitstreamException | DecoderException e) {
            throw new IOException("unreadable MP3 " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The refusal of a recording longer than the limit, worded the same for every format. */
    public static IOException tooLong(Duration longest) {
        return new IOException("the recording is longer than " + longest.toSeconds() + " s (crm.recordings.max-duration)");
    }

    /** Growable per-channel sample arrays. */
    private static final class FloatBuffers {
        private float[][] data;
        private int size;
        private int pending;

        FloatBuffers(int channels) {
            data = new float[channels][1 << 16];
        }

        int channels() {
            return data.length;
        }

        void add(int channel, float value) {
            if (size >= data[channel].length) {
                for (int c = 0; c < data.length; c++) {
                    data[c] = java.util.Arrays.copyOf(data[c], data[c].length * 2);
                }
            }
            data[channel][size] = value;
            if (++pending == data.length) {
                pending = 0;
                size++;
            }
        }

        float[][] toArrays() {
            float[][] out = new float[data.length][];
            for (int c = 0; c < data.length; c++) {
                out[c] = java.util.Arrays.copyOf(data[c], size);
            }
            return out;
        }
    }
}
