package org.callcentre.crm.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/** A key kept beside the embedded database: made once, then read back on every start. */
final class KeyFile {

    private KeyFile() {
    }

    static String readOrCreate(Path keyFile, Supplier<String> newKey) {
        try {
            if (Files.exists(keyFile)) {
                return Files.readString(keyFile, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(keyFile.getParent());
            String key = newKey.get();
            Files.writeString(keyFile, key, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps the platform's default permissions
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + keyFile, e);
        }
    }
}
