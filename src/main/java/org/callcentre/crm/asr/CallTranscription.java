package org.callcentre.crm.asr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns decoded call audio into speaker-labelled words: a stereo recording is transcribed channel by
 * channel (one speaker per channel), so the transcript knows who spoke without diarization.
 */
public final class CallTranscription {
    public static final String OPERATOR = "operator";
    public static final String CLIENT = "client";
    public static final String MIXED = "mixed";

    private CallTranscription() {
    }

    public static List<TranscriptWord> transcribe(PcmAudio audio, Transcriber transcriber, int operatorChannel)
            throws TranscriberUnavailable, IOException, InterruptedException {
        List<TranscriptWord> words = new ArrayList<>();
        if (audio.channelCount() == 2) {
            words.addAll(channel(audio.channel(operatorChannel), OPERATOR, transcriber));
            words.addAll(channel(audio.channel(1 - operatorChannel), CLIENT, transcriber));
        } else {
            words.addAll(channel(audio.mono(), MIXED, transcriber));
        }
        words.sort(Comparator.comparingDouble(TranscriptWord::start));
        return words;
    }

    private static List<TranscriptWord> channel(PcmAudio mono, String speaker, Transcriber transcriber)
            throws TranscriberUnavailable, IOException, InterruptedException {
        PcmAudio ready = Resampler.resample(mono, transcriber.sampleRate());
        return transcriber.transcribe(ready).stream()
                .map(w -> new TranscriptWord(speaker, w.word(), w.start(), w.end(), w.confidence()))
                .toList();
    }

    public static String text(List<TranscriptWord> words) {
        return String.join(" ", words.stream().map(TranscriptWord::word).toList());
    }
}
