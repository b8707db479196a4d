package org.callcentre.crm.leads.avito;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoServerFixture;
import org.callcentre.crm.testing.AvitoSetup;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls Avito's call tracking reports are linked to our call from the same number at about the same time. */
@MicronautTest(transactional = false)
class AvitoCallTrackingTest extends AvitoServerFixture {
    Api admin;
    long accountId;

    @BeforeEach
    void setUp() {
        data.reset();
        data.city("Москва", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        data.user("sveta", "supervisor", null, null);
        admin = new Api(client).login("boss", TestData.PASSWORD);
        AvitoSetup.account(admin, avito, "Москва");
        accountId = data.db().queryLong("SELECT id FROM avito_accounts");
    }

    @Test
    void aReportedCallIsLinkedToOurCallOfTheSameNumberAndTime() {
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long ours = call("mango-1", "+79161234567", at.plusSeconds(20));
        call("mango-2", "+79161234567", at.plusSeconds(3600));
        call("mango-3", "+79990000000", at);
        avito.reportCall(Map.of("callId", 555001, "itemId", 4242, "buyerPhone", "79161234567", "sellerPhone", "79001112233",
                "virtualPhone", "79005554433", "callTime", at.toString(), "talkDuration", 95, "waitingDuration", 4));
        avito.reportCall(Map.of("callId", 555002, "itemId", 4242, "buyerPhone", "79167654321", "sellerPhone", "79001112233",
                "virtualPhone", "79005554433", "callTime", at.toString(), "talkDuration", 0, "waitingDuration", 10));

        Api.Reply sync = admin.post("/api/avito/accounts/" + accountId + "/calltracking?hours=2", Map.of());
        assertEquals(200, sync.status(), sync.toString());
        assertEquals(Map.of("read", 2, "stored", 2, "linked", 1), sync.data());
        assertEquals(ours, data.db().queryLong("SELECT call_id FROM avito_tracked_calls WHERE external_call_id = '555001'"));
        Map<String, Object> filter = avito.callRequests().get(0);
        assertTrue(((String) filter.get("dateTimeFrom")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), filter.toString());
        assertEquals(0, ((Number) filter.get("offset")).intValue());

        assertEquals(Map.of("read", 2, "stored", 0, "linked", 0),
                admin.post("/api/avito/accounts/" + accountId + "/calltracking?hours=2", Map.of()).data(), "a second read changes nothing");
        assertEquals(400, admin.post("/api/avito/accounts/" + accountId + "/calltracking?hours=0", Map.of()).status());
        assertEquals(403, new Api(client).login("sveta", TestData.PASSWORD)
                .post("/api/avito/accounts/" + accountId + "/calltracking", Map.of()).status());
    }

    @Test
    void aTrackedCallCarriesItsAdOnTheCallPageAndAnAdAvitoCannotDescribeKeepsItsId() {
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long described = call("mango-1", "+79161234567", at);
        long unknownAd = call("mango-2", "+79167654321", at);
        long untracked = call("mango-3", "+79990000000", at);
        avito.item(4242, "Ремонт стиральных машин на дому");
        avito.reportCall(Map.of("callId", 555001, "itemId", 4242, "buyerPhone", "79161234567", "callTime", at.toString(), "talkDuration", 95));
        avito.reportCall(Map.of("callId", 555002, "itemId", 777, "buyerPhone", "79167654321", "callTime", at.toString(), "talkDuration", 30));
        assertEquals(200, admin.post("/api/avito/accounts/" + accountId + "/calltracking?hours=2", Map.of()).status());

        assertEquals(Map.of("id", "4242", "title", "Ремонт стиральных машин на дому",
                "url", "https://www.avito.ru/moskva/predlozheniya_uslug/4242"), admin.get("/api/calls/" + described).data().get("avitoAd"));
        Map<?, ?> bare = (Map<?, ?>) admin.get("/api/calls/" + unknownAd).data().get("avitoAd");
        assertEquals("777", bare.get("id"), "Avito answered 404 for this ad: the call still names it");
        assertEquals(null, bare.get("title"));
        assertEquals(null, admin.get("/api/calls/" + untracked).data().get("avitoAd"));

        avito.item(777, "Ремонт холодильников");
        admin.post("/api/avito/accounts/" + accountId + "/calltracking?hours=2", Map.of());
        assertEquals("Ремонт холодильников", ((Map<?, ?>) admin.get("/api/calls/" + unknownAd).data().get("avitoAd")).get("title"),
                "asked again at the next read");
    }

    private long call(String externalId, String phone, Instant at) {
        return data.db().insert("INSERT INTO calls (source, external_id, client_phone, direction, status, created_at) "
                + "VALUES ('mango', ?, ?, 'inbound', 'answered', ?) RETURNING id", externalId, phone, at);
    }
}
