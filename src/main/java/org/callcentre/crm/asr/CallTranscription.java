package org.callcentre.crm.asr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns call audio into speaker-labelled words: a stereo recording is transcribed channel by channel
 * (one speaker per channel), so the transcript knows who spoke without diarization. The recording is
 * read a block at a time, once per channel, and each block is resampled and handed to the recognizer
 * as it comes: memory does not grow with the recording's length.
 */
public final class CallTranscription {
    public static final String OPERATOR = "operator";
    public static final String CLIENT = "client";
    public static final String MIXED = "mixed";

    private CallTranscription() {
    }

    /** The words of the call, and how long its audio lasted. */
    public record Result(List<TranscriptWord> words, double seconds) {
        public String text() {
            return String.join(" ", words.stream().map(TranscriptWord::word).toList());
        }
    }

    public static Result transcribe(PcmStream.Source audio, Transcriber transcriber, int operatorChannel)
            throws TranscriberUnavailable, IOException, InterruptedException {
        List<TranscriptWord> words = new ArrayList<>();
        double seconds;
        try (PcmStream first = audio.open()) {
            if (first.channelCount() == 2) {
                seconds = channel(first, operatorChannel, OPERATOR, transcriber, words);
                try (PcmStream again = audio.open()) {
                    channel(again, 1 - operatorChannel, CLIENT, transcriber, words);
                }
            } else {
                seconds = channel(first, -1, MIXED, transcriber, words);
            }
        }
        words.sort(Comparator.comparingDouble(TranscriptWord::start));
        return new Result(words, seconds);
    }

    /** @return the seconds of audio read */
    private static double channel(PcmStream audio, int channel, String speaker, Transcriber transcriber, List<TranscriptWord> words)
            throws TranscriberUnavailable, IOException, InterruptedException {
        OneChannel mono = new OneChannel(audio, channel);
        try (PcmStream ready = Resampler.resample(mono, transcriber.sampleRate())) {
            transcriber.transcribe(ready).stream()
                    .map(w -> new TranscriptWord(speaker, w.word(), w.start(), w.end(), w.confidence()))
                    .forEach(words::add);
        }
        return (double) mono.frames / audio.sampleRate();
    }

    /** One channel of a stream, or the average of all of them ({@code channel} −1), counting the frames read. */
    private static final class OneChannel implements PcmStream {
        private final PcmStream audio;
        private final int channel;
        private long frames;

        OneChannel(PcmStream audio, int channel) {
            this.audio = audio;
            this.channel = channel;
        }

        @Override
        public int channelCount() {
            return 1;
        }

        @Override
        public int sampleRate() {
            return audio.sampleRate();
        }

        @Override
        public float[][] next() throws IOException {
            float[][] block = audio.next();
            if (block == null) {
                return null;
            }
            frames += block[0].length;
            if (channel >= 0 || block.length == 1) {
                return new float[][]{block[Math.max(channel, 0)]};
            }
            float[] mixed = new float[block[0].length];
            for (float[] samples : block) {
                for (int i = 0; i < mixed.length; i++) {
                    mixed[i] += samples[i] / block.length;
                }
            }
            return new float[][]{mixed};
        }

        @Override
        public void close() throws IOException {
            audio.close();
        }
    }
}
