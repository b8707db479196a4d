package org.callcentre.crm.recordings;

import java.io.IOException;
import java.nio.file.Path;

/** Where a PBX keeps a call's recording: one implementation per PBX, chosen by the call's recording reference. */
public interface RecordingSource {
    boolean handles(String recordingRef);

    /**
     * Copies the recording into {@code target}.
     *
     * @param callEnded whether the call is over (a file being recorded is not finished before)
     * @return the file's content type
     * @throws RecordingRefused when it is too large or not the PBX's to give: the job fails for good
     * @throws IOException        when it is not available yet or the transfer failed: the job retries with backoff
     */
    String fetch(String recordingRef, boolean callEnded, Path target) throws IOException;
}
