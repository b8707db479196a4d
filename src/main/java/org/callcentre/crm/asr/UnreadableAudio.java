package org.callcentre.crm.asr;

import java.io.IOException;
import java.time.Duration;

/** A recording that will not decode, however often it is tried: damaged, of an unknown kind, or too long. */
public class UnreadableAudio extends IOException {
    public UnreadableAudio(String message, Throwable cause) {
        super(message, cause);
    }

    /** The refusal of a recording longer than the limit, worded the same for every format. */
    public static UnreadableAudio tooLong(Duration longest) {
        return new UnreadableAudio("the recording is longer than " + longest.toSeconds() + " s (crm.recordings.max-duration)", null);
    }
}
