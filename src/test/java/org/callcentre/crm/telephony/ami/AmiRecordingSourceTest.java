package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.recordings.RecordingRefused;
import org.callcentre.crm.recordings.RecordingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MixMonitor file named in AMI's VarSet is taken from the configured directory, and from nowhere else. */
class AmiRecordingSourceTest {

    @Test
    void takesTheNamedFileOnceTheCallIsOverAndNothingOutsideTheDirectory(@TempDir Path root) throws Exception {
        Path monitor = Files.createDirectories(root.resolve("monitor/2026/03/10"));
        Files.writeString(monitor.resolve("in-1001.wav"), "RIFF-data");
        Files.writeString(root.resolve("secret.txt"), "not a recording");
        AmiRecordingSource source = new AmiRecordingSource(settings(root.resolve("monitor"), 1_000_000));
        Path target = root.resolve("copy");

        assertTrue(source.handles("/var/spool/asterisk/monitor/2026/03/10/in-1001.wav"));
        assertFalse(source.handles("mango:rec-1"));
        IOException recording = assertThrows(IOException.class,
                () -> source.fetch("/var/spool/asterisk/monitor/2026/03/10/in-1001.wav", false, target));
        assertEquals("the call is still being recorded", recording.getMessage());

        assertEquals("audio/wav", source.fetch("/var/spool/asterisk/monitor/2026/03/10/in-1001.wav", true, target));
        assertEquals("RIFF-data", Files.readString(target));

        IOException outside = assertThrows(IOException.class, () -> source.fetch("../secret.txt", true, target));
        assertTrue(outside.getMessage().contains("is outside"), outside.getMessage());
        IOException missing = assertThrows(IOException.class, () -> source.fetch("in-9999.wav", true, target));
        assertTrue(missing.getMessage().contains("not there yet"), missing.getMessage());
    }

    /** The name is confined by the file it resolves to, not by its text: a link inside the directory leads nowhere else. */
    @Test
    void aSymbolicLinkOutOfTheDirectoryIsRefusedForGood(@TempDir Path root) throws Exception {
        Path monitor = Files.createDirectories(root.resolve("monitor"));
        Files.writeString(root.resolve("secret.txt"), "not a recording");
        Files.createSymbolicLink(monitor.resolve("in-1002.wav"), root.resolve("secret.txt"));
        Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(root.resolve("elsewhere/in-1003.wav"), "RIFF-elsewhere");
        Files.createSymbolicLink(monitor.resolve("2026"), root.resolve("elsewhere"));
        Files.writeString(monitor.resolve("in-1004.wav"), "RIFF-inside");
        Files.createSymbolicLink(monitor.resolve("latest.wav"), monitor.resolve("in-1004.wav"));
        AmiRecordingSource source = new AmiRecordingSource(settings(monitor, 1_000_000));
        Path target = root.resolve("copy");

        RecordingRefused linked = assertThrows(RecordingRefused.class, () -> source.fetch("in-1002.wav", true, target));
        assertTrue(linked.getMessage().contains("is outside"), linked.getMessage());
        assertThrows(RecordingRefused.class, () -> source.fetch("/var/spool/asterisk/monitor/2026/in-1003.wav", true, target));
        assertFalse(Files.exists(target), "nothing copied");

        assertEquals("audio/wav", source.fetch("latest.wav", true, target), "a link that stays inside is followed");
        assertEquals("RIFF-inside", Files.readString(target));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedForGood(@TempDir Path root) throws Exception {
        Path monitor = Files.createDirectories(root.resolve("monitor"));
        Files.write(monitor.resolve("in-1005.wav"), new byte[2048]);
        AmiRecordingSource source = new AmiRecordingSource(settings(monitor, 1024));

        RecordingRefused large = assertThrows(RecordingRefused.class, () -> source.fetch("in-1005.wav", true, root.resolve("copy")));
        assertTrue(large.getMessage().contains("larger than 1024 bytes"), large.getMessage());
        assertFalse(Files.exists(root.resolve("copy")), "nothing copied");
    }

    private static RecordingSettings settings(Path asteriskDir, long maxSize) {
        return new RecordingSettings(null, asteriskDir.toString(), 180, Duration.ofDays(1), maxSize, Duration.ofHours(1));
    }
}
