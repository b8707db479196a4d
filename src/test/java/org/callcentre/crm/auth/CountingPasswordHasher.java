package org.callcentre.crm.auth;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real hasher, every bcrypt check it makes written down (password and the hash it was checked
 * against) before it is made: what a login costs is counted, not timed. Only in contexts that set
 * {@code test.count-password-checks}.
 */
@Singleton
@Replaces(PasswordHasher.class)
@Requires(property = "test.count-password-checks", value = "true")
class CountingPasswordHasher extends PasswordHasher {
    record Check(String password, String hash) {
    }

    final List<Check> checks = new CopyOnWriteArrayList<>();

    CountingPasswordHasher(@Value("${crm.auth.bcrypt-cost:10}") int cost) {
        super(cost);
    }

    @Override
    public boolean matches(String password, String hash) {
        checks.add(new Check(password, hash));
        return super.matches(password, hash);
    }
}
