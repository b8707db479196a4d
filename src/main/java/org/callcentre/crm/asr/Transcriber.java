package org.callcentre.crm.asr;

import java.io.IOException;
import java.util.List;

/** A speech recognizer. Implementations are thread-safe: workers share one, and its model. */
public interface Transcriber {
    String engine();

    String language();

    /** The sample rate the model was trained on; audio is resampled to it. */
    int sampleRate();

    /**
     * @param audio mono, at {@link #sampleRate()}, read a block at a time (a recognizer keeps no more of it than it must)
     * @throws TranscriberUnavailable when the engine cannot run at all (no model): retrying will not help
     */
    List<RecognizedWord> transcribe(PcmStream audio) throws TranscriberUnavailable, IOException, InterruptedException;
}
