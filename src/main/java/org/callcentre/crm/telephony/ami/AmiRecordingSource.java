package org.callcentre.crm.telephony.ami;

import jakarta.inject.Singleton;
import org.callcentre.crm.recordings.RecordingRefused;
import org.callcentre.crm.recordings.RecordingSettings;
import org.callcentre.crm.recordings.RecordingSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Picks up the MixMonitor file that AMI named in {@code VarSet MIXMONITOR_FILENAME}, from the
 * configured directory where Asterisk's monitor directory is mounted ({@code crm.recordings.asterisk-dir}).
 * The name is taken relative to that directory and the file it really is (symbolic links resolved) must be
 * inside it too, so neither a crafted name nor a link planted in the directory reaches any other file.
 */
@Singleton
public class AmiRecordingSource implements RecordingSource {
    private static final String ASTERISK_MONITOR_DIR = "/var/spool/asterisk/monitor/";

    private final RecordingSettings settings;

    public AmiRecordingSource(RecordingSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean handles(String recordingRef) {
        return !recordingRef.contains(":");
    }

    @Override
    public String fetch(String recordingRef, boolean callEnded, Path target) throws IOException {
        if (settings.asteriskDir() == null || settings.asteriskDir().isBlank()) {
            throw new IOException("crm.recordings.asterisk-dir (CRM_RECORDINGS_ASTERISK_DIR) is not set");
        }
        if (!callEnded) {
            throw new IOException("the call is still being recorded");
        }
        Path dir = Path.of(settings.asteriskDir()).toAbsolutePath().normalize();
        String relative = recordingRef.startsWith(ASTERISK_MONITOR_DIR) ? recordingRef.substring(ASTERISK_MONITOR_DIR.length())
                : recordingRef.startsWith("/") ? Path.of(recordingRef).getFileName().toString() : recordingRef;
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir)) {
            throw new RecordingRefused("recording " + recordingRef + " is outside " + dir);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("recording file " + file + " not there yet");
        }
        // the text stays inside; the file it resolves to, through any symbolic link, must too
        Path real = file.toRealPath();
        if (!real.startsWith(dir.toRealPath())) {
            throw new RecordingRefused("recording " + recordingRef + " is outside " + dir + " (a link to " + real + ")");
        }
        if (Files.size(real) > settings.maxSize()) {
            throw RecordingRefused.tooLarge(settings.maxSize());
        }
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            RecordingRefused.copyAtMost(in, target, settings.maxSize());
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".mp3") ? "audio/mpeg" : "audio/wav";
    }
}
