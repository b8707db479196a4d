package org.callcentre.crm.auth;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An unknown login must not answer faster than a wrong password, or the speed tells which logins exist.
 * Without timing anything: the unknown login costs exactly one bcrypt check of the password given,
 * against a real bcrypt hash of the same cost as the users' hashes, as a wrong password does; and the
 * two answers are the same.
 */
@MicronautTest(transactional = false)
@Property(name = "test.count-password-checks", value = "true")
class UnknownLoginCostsTheSameTest {
    private static final String BCRYPT = "\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    CountingPasswordHasher hasher;

    @Test
    void anUnknownLoginIsOneBcryptCheckOfTheSameCostAsAWrongPassword() {
        data.reset();
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        String stored = data.db().queryOne("SELECT password_hash FROM operators WHERE login = 'olga'", rs -> rs.getString(1)).orElseThrow();
        Api api = new Api(client);

        hasher.checks.clear();
        Api.Reply wrongPassword = api.post("/api/auth/login", Map.of("login", "olga", "password", "not-her-password-1"));
        List<CountingPasswordHasher.Check> known = List.copyOf(hasher.checks);
        hasher.checks.clear();
        Api.Reply unknownLogin = api.post("/api/auth/login", Map.of("login", "nobody-here", "password", "not-her-password-1"));
        List<CountingPasswordHasher.Check> unknown = List.copyOf(hasher.checks);

        assertEquals(List.of(new CountingPasswordHasher.Check("not-her-password-1", stored)), known);
        assertEquals(1, unknown.size(), "one bcrypt check for an unknown login too: " + unknown);
        String dummy = unknown.get(0).hash();
        assertEquals("not-her-password-1", unknown.get(0).password());
        assertTrue(dummy.matches(BCRYPT), "a real bcrypt hash: " + dummy);
        assertEquals(cost(stored), cost(dummy), "the same work factor");

        assertEquals(401, wrongPassword.status());
        assertEquals(wrongPassword.status(), unknownLogin.status());
        assertEquals(wrongPassword.body(), unknownLogin.body(), "the answers tell nothing apart");
    }

    private static String cost(String bcryptHash) {
        return bcryptHash.substring(4, 6);
    }
}
