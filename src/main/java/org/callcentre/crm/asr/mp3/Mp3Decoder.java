package org.callcentre.crm.asr.mp3;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;
import org.callcentre.crm.asr.PcmStream;
import org.callcentre.crm.asr.UnreadableAudio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** MP3 (Mango's recordings) decoded with JLayer frame by frame: each MP3 frame is one block of samples. */
public final class Mp3Decoder implements PcmStream {
    private final Path file;
    private final InputStream in;
    private final Bitstream bitstream;
    private final Decoder decoder = new Decoder();
    private final Duration longest;
    private SampleBuffer first;
    private int channels;
    private int rate;
    private long frames;

    private Mp3Decoder(Path file, InputStream in, Duration longest) {
        this.file = file;
        this.in = in;
        this.bitstream = new Bitstream(in);
        this.longest = longest;
    }

    /** Reads the first frame (for the rate and channels); refuses, as the decoding goes, past {@code longest}. */
    public static PcmStream open(Path file, Duration longest) throws IOException {
        Mp3Decoder stream = new Mp3Decoder(file, new BufferedInputStream(Files.newInputStream(file)), longest);
        try {
            stream.first = stream.frame();
            if (stream.first == null) {
                throw new UnreadableAudio("no MP3 frames in " + file.getFileName(), null);
            }
            stream.channels = stream.first.getChannelCount();
            stream.rate = stream.first.getSampleFrequency();
            return stream;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
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
        SampleBuffer frame = first != null ? first : frame();
        first = null;
        if (frame == null) {
            return null;
        }
        int frameChannels = frame.getChannelCount();
        int count = frame.getBufferLength() / frameChannels;
        frames += count;
        if (frames > longest.toMillis() / 1000.0 * rate) {
            throw UnreadableAudio.tooLong(longest);
        }
        short[] interleaved = frame.getBuffer();
        float[][] out = new float[channels][count];
        for (int f = 0; f < count; f++) {
            for (int c = 0; c < channels; c++) {
                out[c][f] = interleaved[f * frameChannels + Math.min(c, frameChannels - 1)] / 32768f;
            }
        }
        return out;
    }

    private SampleBuffer frame() throws IOException {
        try {
            Header header = bitstream.readFrame();
            if (header == null) {
                return null;
            }
            SampleBuffer frame = (SampleBuffer) decoder.decodeFrame(header, bitstream);
            bitstream.closeFrame();
            return frame;
        } catch (BitstreamException | DecoderException | RuntimeException e) {
            throw new UnreadableAudio("unreadable MP3 " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
