package org.callcentre.crm.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceJarFreshnessTest {

    @Test
    void aJarOlderThanTheCompiledClassesIsRefused(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("callcentre-crm.jar"), "jar");
        Path classFile = Files.writeString(Files.createDirectories(dir.resolve("classes/org")).resolve("A.class"), "class");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(classFile, FileTime.from(Instant.parse("2026-01-01T00:00:05Z")));

        AssertionError refused = assertThrows(AssertionError.class, () -> ServiceProcess.freshJar(jar, dir.resolve("classes")));
        assertTrue(refused.getMessage().contains("older than"), refused.getMessage());
    }

    @Test
    void aJarPackagedAfterTheClassesIsUsed(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("callcentre-crm.jar"), "jar");
        Path classFile = Files.writeString(Files.createDirectories(dir.resolve("classes/org")).resolve("A.class"), "class");
        Files.setLastModifiedTime(classFile, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:05Z")));

        assertEquals(jar, ServiceProcess.freshJar(jar, dir.resolve("classes")));
    }

    @Test
    void aMissingJarSaysHowToBuildIt(@TempDir Path dir) {
        AssertionError refused = assertThrows(AssertionError.class, () -> ServiceProcess.freshJar(dir.resolve("none.jar"), dir));
        assertTrue(refused.getMessage().contains("mvn -B verify"), refused.getMessage());
    }
}
