package org.callcentre.crm.ui;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.ServiceFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access tokens that live 3 seconds: the browser keeps working through their expiry (requests and
 * the screen-pop socket renew them with the refresh token), and once the refresh tokens are
 * revoked the app goes back to the login page saying the session expired.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.security.token.generator.access-token.expiration", value = "3")
class BrowserSessionExpiryTest extends ServiceFixture {
    @Test
    void theSessionOutlivesItsAccessTokensAndEndsCleanlyWhenItCannotBeRenewed() throws Exception {
        BrowserScenario browser = BrowserScenario.against(server);
        KazanCallCentre centre = new KazanCallCentre(data, new MangoWebhooks(client, data.db()));

        browser.run("session", Map.of(
                "ring", () -> centre.ring("e2e-after-expiry", "101"),
                "revoke", () -> data.db().update("UPDATE refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL")));
        centre.hangUp("e2e-after-expiry", "101");

        assertTrue(data.count("refresh_tokens") >= 2, "the browser renewed its tokens at least once");
        assertEquals(0L, data.db().queryLong("SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL"));
    }
}
