package org.callcentre.crm.siplines;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.shared.SecretCipher;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SipLineSecretIsWriteOnlyTest {
    private static final String SECRET = "Tr0ub4dor&3-sip";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    SecretCipher cipher;
    Api admin;
    long id;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("boss", "admin", null, null);
        admin = new Api(client).login("boss", TestData.PASSWORD);
        Api.Reply created = admin.post("/api/sip-lines", Map.of("name", "Trunk 1", "host", "pbx", "username", "u1", "secret", SECRET));
        assertEquals(201, created.status(), created.toString());
        id = ((Number) created.data().get("id")).longValue();
        assertEquals(true, created.data().get("hasSecret"));
        assertFalse(created.toString().contains(SECRET));
    }

    private String stored() {
        return data.db().queryOne("SELECT secret_encrypted FROM sip_lines WHERE id = ?", rs -> rs.getString(1), id).orElseThrow();
    }

    @Test
    void noEndpointReturnsTheSecret() {
        Api.Reply one = admin.get("/api/sip-lines/" + id);
        Api.Reply list = admin.get("/api/sip-lines");
        Api.Reply patched = admin.patch("/api/sip-lines/" + id, Map.of("port", 5070));
        for (Api.Reply reply : new Api.Reply[]{one, list, patched}) {
            assertEquals(200, reply.status(), reply.toString());
            assertFalse(reply.toString().contains(SECRET), reply.toString());
            assertFalse(reply.toString().contains(stored()), reply.toString());
        }
        assertFalse(one.data().containsKey("secret"));
        assertFalse(one.data().containsKey("secretEncrypted"));
        assertEquals(true, one.data().get("hasSecret"));
    }

    @Test
    void theSecretIsStoredEncryptedAndDecryptsBack() {
        String stored = stored();
        assertFalse(stored.contains(SECRET));
        assertTrue(stored.matches("[A-Za-z0-9+/=]+\\|[A-Za-z0-9+/=]+"), stored);
        assertEquals(SECRET, cipher.decrypt(stored));
    }

    @Test
    void theAuditLogMasksTheSecret() {
        admin.patch("/api/sip-lines/" + id, Map.of("secret", "another-secret"));
        String audit = String.join("\n", data.db().query("SELECT changes::text FROM audit_log WHERE entity = 'sip_line'",
                rs -> rs.getString(1)));
        assertEquals(2, audit.lines().count(), audit);
        assertFalse(audit.contains(SECRET), audit);
        assertFalse(audit.contains("another-secret"), audit);
        assertTrue(audit.contains("\"secret\": \"***\""), audit);
    }

    @Test
    void aNewSecretReplacesTheOldAndAnAbsentOneIsKept() {
        String before = stored();
        admin.patch("/api/sip-lines/" + id, Map.of("host", "pbx2"));
        assertEquals(before, stored());
        Api.Reply replaced = admin.patch("/api/sip-lines/" + id, Map.of("secret", "another-secret"));
        assertEquals(200, replaced.status(), replaced.toString());
        assertNotEquals(before, stored());
        assertEquals("another-secret", cipher.decrypt(stored()));
    }

    @Test
    void anEmptySecretClearsIt() {
        Api.Reply cleared = admin.patch("/api/sip-lines/" + id, Map.of("secret", ""));
        assertEquals(200, cleared.status(), cleared.toString());
        assertEquals(false, cleared.data().get("hasSecret"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM sip_lines WHERE id = ? AND secret_encrypted IS NULL", id));
    }

    @Test
    void anOverlongSecretIs400AndKeepsTheOldOne() {
        String before = stored();
        Api.Reply reply = admin.patch("/api/sip-lines/" + id, Map.of("secret", "x".repeat(257)));
        assertEquals(400, reply.status());
        assertTrue(reply.errorFields().containsKey("secret"));
        assertEquals(before, stored());
    }
}
