package org.callcentre.crm.auth;

import org.callcentre.crm.shared.ApiException;

import java.nio.charset.StandardCharsets;

/** At least {@value #MIN_LENGTH} characters, at most what bcrypt reads, and not a common password. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** The password when acceptable, else a 400 on {@code field}. */
    public static String check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw ApiException.badField(field, "is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ApiException.badField(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_BYTES) {
            throw ApiException.badField(field, "must be at most " + PasswordHasher.MAX_BYTES + " bytes");
        }
        if (password.isBlank()) {
            throw ApiException.badField(field, "must not be only spaces");
        }
        if (CommonPasswords.contains(password)) {
            throw ApiException.badField(field, "is too common or too easy to guess (a known password, a repeated word or mostly digits)");
        }
        return password;
    }
}
