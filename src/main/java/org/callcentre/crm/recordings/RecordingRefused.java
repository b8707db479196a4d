package org.callcentre.crm.recordings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A recording the service will not take, however often it is asked: larger than
 * {@code crm.recordings.max-size}, or a file outside the PBX's directory. The fetch job fails for good
 * with this reason instead of retrying.
 */
public class RecordingRefused extends IOException {
    public RecordingRefused(String message) {
        super(message);
    }

    public static RecordingRefused tooLarge(long maxBytes) {
        return new RecordingRefused("the recording is larger than " + maxBytes + " bytes (crm.recordings.max-size)");
    }

    /**
     * Copies a recording as it arrives, counting: past {@code maxBytes} the copy stops and the partial file
     * is deleted, so a PBX (or whoever answers in its place) cannot fill the disk.
     */
    public static void copyAtMost(InputStream in, Path target, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                copied += read;
                if (copied > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        } catch (RecordingRefused refused) {
            Files.deleteIfExists(target);
            throw refused;
        }
    }
}
