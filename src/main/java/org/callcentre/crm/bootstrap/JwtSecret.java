package org.callcentre.crm.bootstrap;

import java.nio.file.Path;
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
        return KeyFile.readOrCreate(dataDir.resolve("jwt.key"), JwtSecret::randomSecret);
    }

    private static String randomSecret() {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
