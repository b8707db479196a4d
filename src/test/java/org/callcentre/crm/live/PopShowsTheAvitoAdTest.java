package org.callcentre.crm.live;

import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.websocket.WebSocketClient;
import jakarta.inject.Inject;
import org.callcentre.crm.telephony.mango.MangoSettings;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoServerFixture;
import org.callcentre.crm.testing.AvitoSetup;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.callcentre.crm.live.LiveClient.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A caller who came from an Avito ad before: Avito's call tracking (the local Avito server) reported
 * their number's call with the ad, and when they call again (a signed Mango webhook) the operator's
 * pop names the ad with its link. A number call tracking never reported pops without one.
 */
@MicronautTest(transactional = false)
class PopShowsTheAvitoAdTest extends AvitoServerFixture {
    /** Rings 101 from +7 916 123-45-67 at webhook 3. */
    static final String ANSWERED = "inbound-queue-answered";

    @Inject
    @Client("/")
    WebSocketClient ws;
    @Inject
    ObjectMapper mapper;
    @Inject
    MangoSettings mango;

    @Test
    void thePopNamesTheAdTheCallersNumberLastCalledFrom() throws Exception {
        data.reset();
        data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", data.db().queryLong("SELECT id FROM cities"), "101");
        data.user("boss", "admin", null, null);
        AvitoSetup.account(new Api(client).login("boss", TestData.PASSWORD), avito, "Казань");
        long account = data.db().queryLong("SELECT id FROM avito_accounts");
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        avito.item(4242, "Ремонт стиральных машин на дому");
        avito.item(777, "Ремонт холодильников");
        avito.reportCall(Map.of("callId", 555001, "itemId", 777, "buyerPhone", "79161234567", "callTime", yesterday.minusSeconds(3600).toString()));
        avito.reportCall(Map.of("callId", 555002, "itemId", 4242, "buyerPhone", "79161234567", "callTime", yesterday.toString()));
        avito.reportCall(Map.of("callId", 555003, "itemId", 4242, "buyerPhone", "79990000000", "callTime", yesterday.toString()));
        Api.Reply sync = new Api(client).login("boss", TestData.PASSWORD).post("/api/avito/accounts/" + account + "/calltracking?hours=48", Map.of());
        assertEquals(200, sync.status(), sync.toString());

        MangoPbx pbx = new MangoPbx(client, mango, mapper);
        try (LiveClient olga = LiveClient.open(ws, "/ws/operator", token("olga"))) {
            pbx.play(ANSWERED, 0, 4);
            Map<String, Object> pop = olga.await("screen-pop", m -> pbx.entryId(ANSWERED).equals(call(m).get("externalId")));
            @SuppressWarnings("unchecked")
            Map<String, Object> ad = (Map<String, Object>) pop.get("avitoAd");
            assertEquals("4242", ad.get("id"), "the latest of the number's reports: " + ad);
            assertEquals("Ремонт стиральных машин на дому", ad.get("title"));
            assertEquals("https://www.avito.ru/moskva/predlozheniya_uslug/4242", ad.get("url"));
            assertEquals(yesterday, Instant.parse((String) ad.get("calledAt")));
            assertEquals(false, ad.get("thisCall"), "Avito reports a call after it ends");
        }
    }

    @Test
    void aNumberCallTrackingNeverReportedPopsWithoutAnAd() throws Exception {
        data.reset();
        data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", data.db().queryLong("SELECT id FROM cities"), "101");
        MangoPbx pbx = new MangoPbx(client, mango, mapper);
        try (LiveClient olga = LiveClient.open(ws, "/ws/operator", token("olga"))) {
            pbx.play(ANSWERED, 0, 4);
            Map<String, Object> pop = olga.await("screen-pop", m -> pbx.entryId(ANSWERED).equals(call(m).get("externalId")));
            assertNull(pop.get("avitoAd"));
        }
    }
}
