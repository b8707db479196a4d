package org.callcentre.crm.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequiredToolTest {
    @TempDir
    Path bin;

    @Test
    void anInstalledToolIsFoundOnThePath() throws IOException {
        Path tool = Files.createFile(bin.resolve("sipp"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertEquals(tool, RequiredTool.require("sipp", "apt-get install sip-tester", "/nonexistent:" + bin, "true"));
    }

    @Test
    void aMissingToolSkipsTheTestOutsideCi() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> RequiredTool.require("sipp", "apt-get install sip-tester", bin.toString(), null));
        assertTrue(skipped.getMessage().contains("sipp not installed: apt-get install sip-tester"), skipped.getMessage());
        assertThrows(TestAbortedException.class, () -> RequiredTool.require("sipp", "apt-get install sip-tester", bin.toString(), "false"));
    }

    @Test
    void aMissingToolFailsTheTestUnderCi() {
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> RequiredTool.require("sipp", "apt-get install sip-tester", bin.toString(), "true"));
        assertTrue(failed.getMessage().contains("sipp not installed: apt-get install sip-tester"), failed.getMessage());
    }

    @Test
    void aFileThatIsNotExecutableDoesNotCount() throws IOException {
        Files.createFile(bin.resolve("sipp"));
        assertThrows(TestAbortedException.class, () -> RequiredTool.require("sipp", "apt-get install sip-tester", bin.toString(), null));
    }
}
