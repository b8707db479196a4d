package org.callcentre.crm.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.SecretTokens;

import java.nio.charset.StandardCharsets;

@Singleton
public class PasswordHasher {
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    private final int cost;
    /** Checked against when the login is unknown, so that an unknown login costs the same bcrypt work as a known one. */
    private final String dummyHash;

    public PasswordHasher(@Value("${crm.auth.bcrypt-cost:10}") int cost) {
        this.cost = cost;
        this.dummyHash = hash(SecretTokens.random());
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Always false, after the same work as {@link #matches} on a real hash. */
    public boolean matchesNothing(String password) {
        matches(password, dummyHash);
        return false;
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }
}
