package org.callcentre.crm.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** Where the token-signing secret comes from; never from code. */
final class JwtSecret {
    static final int MIN_LENGTH = 32;

    private JwtSecret() {
    }

    static String resolve(Optional<String> configured, boolean embeddedDatabase, Path dataDir) {
        if (configured.isPresent()) {
            String secret = configured.get();
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalStateException("CRM_JWT_SECRET must be at least " + MIN_LENGTH + " characters long");
            }
            return secret;
        }
        if (!embeddedDatabase) {
            throw new IllegalStateException("CRM_JWT_SECRET is not set. With an external database "
                    + "(DATASOURCES_DEFAULT_URL) every node must sign tokens with the same secret: "
                    + "set CRM_JWT_SECRET to a random string of at least " + MIN_LENGTH + " characters.");
        }
        return generatedOnce(dataDir.resolve("jwt.key"));
    }

    private static String generatedOnce(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return Files.readString(keyFile, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(keyFile.getParent());
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            Files.writeString(keyFile, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps the platform's default permissions
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + keyFile, e);
        }
    }
}
