package org.callcentre.crm.shared;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts credentials the CRM must hand to other systems later (SIP passwords, Avito and Mango
 * keys), so that a database dump alone does not reveal them. AES-256-GCM with a fresh 12-byte IV
 * per value, stored as {@code base64(iv)|base64(ciphertext)}; GCM's tag makes a tampered or
 * wrong-key value fail loudly instead of decrypting to garbage.
 */
@Singleton
public class SecretCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String SEPARATOR = "|";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(@Value("${crm.secrets.key}") String key) {
        this.key = new SecretKeySpec(keyBytes(key), "AES");
    }

    /**
     * The 32 key bytes of a configured key: 64 hex digits, base64 of 32 bytes, or else a passphrase
     * of at least 32 characters stretched with SHA-256.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static byte[] keyBytes(String text) {
        String key = text == null ? "" : text.trim();
        if (key.matches("[0-9a-fA-F]{" + 2 * KEY_BYTES + "}")) {
            return HexFormat.of().parseHex(key);
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(key);
            if (decoded.length == KEY_BYTES) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // fall through to the passphrase form
        }
        if (key.length() >= KEY_BYTES) {
            return sha256(key);
        }
        throw new IllegalArgumentException("crm.secrets.key (CRM_SECRETS_KEY) must be 32 bytes as base64 or hex, "
                + "or a passphrase of at least " + KEY_BYTES + " characters");
    }

    public String encrypt(String plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getEncoder();
            return base64.encodeToString(iv) + SEPARATOR + base64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalStateException when the value was not made by {@link #encrypt} with this key */
    public String decrypt(String stored) {
        int separator = stored.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalStateException("Not an encrypted secret: expected base64(iv)|base64(ciphertext)");
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] iv = base64.decode(stored.substring(0, separator));
            byte[] sealed = base64.decode(stored.substring(separator + 1));
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A stored secret does not match crm.secrets.key: "
                    + "the key was changed or the value was altered", e);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret is malformed", e);
        }
    }

    private static byte[] sha256(String passphrase) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(passphrase.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
