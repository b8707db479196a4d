package org.callcentre.crm.asr;

/** One recognized word; times in seconds from the start of the audio, confidence in [0, 1]. */
public record RecognizedWord(String word, double start, double end, double confidence) {
}
