package org.callcentre.crm.recordings;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.callcentre.crm.asr.PcmStream;
import org.callcentre.crm.asr.RecognizedWord;
import org.callcentre.crm.asr.Transcriber;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A recognizer that only counts what it is handed ({@code crm.asr.engine=counting}): how many blocks, the
 * largest, and the samples in all. It stands in for Vosk, whose model cannot be had here, to show how the
 * service feeds a recognizer; every step before it (download, decode, resample) is the real one.
 */
@Singleton
@Requires(property = "crm.asr.engine", value = "counting")
class BlockCountingTranscriber implements Transcriber {
    static final int SAMPLE_RATE = 16_000;
    final AtomicLong blocks = new AtomicLong();
    final AtomicLong largestBlock = new AtomicLong();
    final AtomicLong samples = new AtomicLong();

    @Override
    public String engine() {
        return "counting";
    }

    @Override
    public String language() {
        return "ru";
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public List<RecognizedWord> transcribe(PcmStream audio) throws IOException {
        for (float[][] block = audio.next(); block != null; block = audio.next()) {
            blocks.incrementAndGet();
            largestBlock.accumulateAndGet(block[0].length, Math::max);
            samples.addAndGet(block[0].length);
        }
        return List.of(new RecognizedWord("тон", 0, 1, 1));
    }

    void reset() {
        blocks.set(0);
        largestBlock.set(0);
        samples.set(0);
    }
}
