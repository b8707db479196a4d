package org.callcentre.crm.bootstrap;

import org.callcentre.crm.shared.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the key that encrypts stored credentials comes from; never from code. Unlike the JWT key,
 * losing it loses data: every stored secret becomes unreadable, so it is checked at start-up.
 */
final class SecretsKey {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsKey.class);
    static final String FILE_NAME = "secrets.key";

    private SecretsKey() {
    }

    static String resolve(Optional<String> configured, boolean embeddedDatabase, Path dataDir) {
        if (configured.isPresent()) {
            try {
                // refuse a malformed key now rather than at the first secret someone saves
                SecretCipher.keyBytes(configured.get());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return configured.get();
        }
        if (!embeddedDatabase) {
            throw new IllegalStateException("CRM_SECRETS_KEY is not set. With an external database "
                    + "(DATASOURCES_DEFAULT_URL) the key that encrypts stored SIP and API credentials must be "
                    + "the same on every node and kept with the database: set CRM_SECRETS_KEY to 32 random bytes "
                    + "in base64, e.g. the output of `openssl rand -base64 32`.");
        }
        Path keyFile = dataDir.resolve(FILE_NAME);
        return KeyFile.readOrCreate(keyFile, () -> {
            LOG.warn("Generated the key for stored credentials in {}; back it up with the database, "
                    + "stored secrets cannot be read without it", keyFile);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        });
    }
}
