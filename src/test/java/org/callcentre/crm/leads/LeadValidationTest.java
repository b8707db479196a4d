package org.callcentre.crm.leads;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class LeadValidationTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api website;

    @BeforeEach
    void setUp() {
        data.reset();
        long omsk = data.city("Омск", "Asia/Omsk");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('site-omsk', ?, '+73812000000', 'website')", omsk);
        data.user("root", "admin", null, null);
        Api api = new Api(client);
        String key = (String) api.login("root", TestData.PASSWORD).post("/api/api-keys", Map.of("name", "site")).data().get("key");
        website = api.withHeader("X-API-Key", key);
    }

    private void assertRejected(Map<String, Object> lead, String... fields) {
        Api.Reply reply = website.post("/api/integrations/leads", lead);
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorFields().keySet().containsAll(List.of(fields)), reply.toString());
        assertEquals(0L, data.count("orders"));
        assertEquals(0L, data.count("clients"));
    }

    @Test
    void externalIdAndPhoneAreRequired() {
        assertRejected(Map.of("city", "Омск"), "externalId", "phone");
    }

    @Test
    void anInvalidPhoneIsNamed() {
        assertRejected(Map.of("externalId", "web-1", "phone", "abc", "city", "Омск"), "phone");
    }

    @Test
    void anUnknownCityIsNamed() {
        assertRejected(Map.of("externalId", "web-1", "phone", "+79161234567", "city", "Атлантида"), "city");
    }

    @Test
    void withoutACityTheCampaignDecides() {
        Api.Reply reply = website.post("/api/integrations/leads", Map.of("externalId", "web-1", "phone", "+79161234567", "rk", "site-omsk"));
        assertEquals(201, reply.status(), reply.toString());
        assertEquals("Омск", reply.data().get("city"));
    }

    @Test
    void withoutACityOrAKnownCampaignTheCityIsNamed() {
        assertRejected(Map.of("externalId", "web-1", "phone", "+79160000000", "rk", "unknown-rk"), "city");
        assertRejected(Map.of("externalId", "web-1", "phone", "+79160000000"), "city");
    }
}
