package org.callcentre.crm.shared;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretCipherTest {
    private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private final SecretCipher cipher = new SecretCipher(Base64.getEncoder().encodeToString(KEY));

    @Test
    void decryptReversesEncrypt() {
        for (String secret : new String[]{"s3cret", "", "пароль с пробелами | and a pipe"}) {
            assertEquals(secret, cipher.decrypt(cipher.encrypt(secret)));
        }
    }

    @Test
    void everyEncryptionUsesAFreshTwelveByteIv() {
        String first = cipher.encrypt("s3cret");
        String second = cipher.encrypt("s3cret");
        assertNotEquals(first, second);
        String[] parts = first.split("\\|");
        assertEquals(2, parts.length);
        assertEquals(12, Base64.getDecoder().decode(parts[0]).length);
        assertFalse(first.contains("s3cret"));
    }

    @Test
    void aTamperedValueIsRefused() {
        String stored = cipher.encrypt("s3cret");
        String[] parts = stored.split("\\|");
        byte[] sealed = Base64.getDecoder().decode(parts[1]);
        sealed[0] ^= 1;
        String tampered = parts[0] + "|" + Base64.getEncoder().encodeToString(sealed);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("plain text"));
    }

    @Test
    void anotherKeyCannotDecrypt() {
        SecretCipher other = new SecretCipher("another passphrase that is long enough");
        assertThrows(IllegalStateException.class, () -> other.decrypt(cipher.encrypt("s3cret")));
    }

    @Test
    void keysAreReadAsHexBase64OrAHashedPassphrase() throws Exception {
        assertArrayEquals(KEY, SecretCipher.keyBytes(HexFormat.of().formatHex(KEY)));
        assertArrayEquals(KEY, SecretCipher.keyBytes(Base64.getEncoder().encodeToString(KEY)));
        String passphrase = "correct horse battery staple, twice";
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(passphrase.getBytes(StandardCharsets.UTF_8)),
                SecretCipher.keyBytes(passphrase));
    }

    @Test
    void aShortKeyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretCipher.keyBytes("too short"));
        assertTrue(e.getMessage().contains("CRM_SECRETS_KEY"));
        assertThrows(IllegalArgumentException.class, () -> SecretCipher.keyBytes(null));
    }
}
