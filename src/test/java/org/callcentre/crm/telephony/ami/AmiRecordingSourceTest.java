package org.callcentre.crm.telephony.ami;

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
        AmiRecordingSource source = new AmiRecordingSource(new RecordingSettings(null, root.resolve("monitor").toString(), 180, Duration.ofDays(1)));
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
}
