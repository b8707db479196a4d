package org.callcentre.crm.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.ServiceFixture;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The client screens in Chromium: the client has an answered call (a signed Mango summary), an
 * order made through the API and an Avito chat; the operator finds them by a number typed with
 * an 8, brackets and dashes.
 */
@MicronautTest(transactional = false)
class BrowserClientCardTest extends ServiceFixture {
    private static final String PHONE = "+79123456789";

    @Test
    void anOperatorFindsAClientByASpokenNumberAddsANoteAndSeesCallChatAndOrderInTheTimeline() throws Exception {
        BrowserScenario browser = BrowserScenario.against(server);
        MangoWebhooks mango = new MangoWebhooks(client, data.db());
        KazanCallCentre centre = new KazanCallCentre(data, mango);
        long now = Instant.now().getEpochSecond();
        assertEquals(200, mango.summary("e2e-client-call", PHONE.substring(1), now - 7200, now - 7190, now - 7000, "101"));
        mango.awaitApplied();
        long clientId = data.db().queryLong("SELECT client_id FROM client_phones WHERE phone = ?", PHONE);
        data.db().update("UPDATE clients SET name = 'Мария Кузнецова' WHERE id = ?", clientId);
        Api olga = new Api(client).login("olga", TestData.PASSWORD);
        assertEquals(201, olga.post("/api/orders", Map.of("phone", PHONE, "typeEquipment", "Холодильник", "problem", "Не морозит",
                "address", "Казань, ул. Пушкина, 5")).status());
        long account = data.db().insert("""
                INSERT INTO avito_accounts (name, city_id, avito_user_id, client_id, webhook_secret_hash)
                VALUES ('Авито Казань', ?, 1, 'cid', 'hash') RETURNING id""", centre.kazan);
        long chat = data.db().insert("""
                INSERT INTO conversations (account_id, external_chat_id, city_id, client_id, ad_title, last_message_at, created_at)
                VALUES (?, 'chat-e2e', ?, ?, 'Ремонт холодильников', now() - interval '3 hours', now() - interval '3 hours') RETURNING id""",
                account, centre.kazan, clientId);
        data.db().update("INSERT INTO messages (conversation_id, sender, text, delivery_status, created_at) "
                + "VALUES (?, 'client', 'Когда приедет мастер?', 'received', now() - interval '3 hours')", chat);

        Map<String, String> results = browser.run("client-card", Map.of());

        assertEquals(String.valueOf(clientId), results.get("clientId"));
        assertEquals("Перезвонить после 18:00, домофон не работает", data.db().queryOne(
                "SELECT n.text FROM client_notes n JOIN operators o ON o.id = n.operator_id WHERE n.client_id = ? AND o.login = 'olga'",
                rs -> rs.getString(1), clientId).orElseThrow());
        assertEquals("note,order,call,chat", results.get("kinds"), "newest first: the note, the order, the call, the chat");
    }
}
