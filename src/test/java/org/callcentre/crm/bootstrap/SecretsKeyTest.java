package org.callcentre.crm.bootstrap;

import org.callcentre.crm.shared.SecretCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsKeyTest {
    @TempDir
    Path dataDir;

    @Test
    void withAnEmbeddedDatabaseAKeyIsGeneratedOnceAndKept() throws Exception {
        String first = SecretsKey.resolve(Optional.empty(), true, dataDir);
        assertEquals(32, SecretCipher.keyBytes(first).length);
        assertEquals(first, Files.readString(dataDir.resolve(SecretsKey.FILE_NAME)).trim());
        assertEquals(first, SecretsKey.resolve(Optional.empty(), true, dataDir));
    }

    @Test
    void aConfiguredKeyWinsAndNothingIsWritten() {
        String configured = "a passphrase of at least thirty-two characters";
        assertEquals(configured, SecretsKey.resolve(Optional.of(configured), false, dataDir));
        assertFalse(Files.exists(dataDir.resolve(SecretsKey.FILE_NAME)));
    }

    @Test
    void anExternalDatabaseWithoutAKeyRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SecretsKey.resolve(Optional.empty(), false, dataDir));
        assertTrue(e.getMessage().contains("CRM_SECRETS_KEY"), e.getMessage());
        assertFalse(Files.exists(dataDir.resolve(SecretsKey.FILE_NAME)));
    }

    @Test
    void aMalformedKeyRefusesToStart() {
        assertThrows(IllegalStateException.class, () -> SecretsKey.resolve(Optional.of("short"), true, dataDir));
    }
}
