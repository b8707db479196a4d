package org.callcentre.crm.notifications.telegram;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TelegramTestServer;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bot's webhook mode: Telegram's POST is read only with the right X-Telegram-Bot-Api-Secret-Token,
 * and an update delivered twice is handled once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramWebhookTest implements TestPropertyProvider {
    private static final String SECRET = "webhook-secret-42";
    private static final long CHAT = 7770001;

    private TelegramTestServer telegram;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api admin;

    @Override
    public Map<String, String> getProperties() {
        telegram = new TelegramTestServer();
        Map<String, String> properties = new HashMap<>(telegram.properties());
        properties.put("crm.notifications.telegram.updates", "webhook");
        properties.put("crm.notifications.telegram.webhook-secret", SECRET);
        return properties;
    }

    @AfterAll
    void stopServer() {
        telegram.close();
    }

    @BeforeEach
    void setUp() {
        data.reset();
        telegram.reset();
        data.city("Москва", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        admin = new Api(client).login("boss", TestData.PASSWORD);
    }

    @Test
    void onlyTheRightSecretIsReadAndARepeatedUpdateIsHandledOnce() {
        long master = ((Number) admin.post("/api/masters", Map.of("name", "Пётр", "cities", List.of("Москва")))
                .data().get("id")).longValue();
        String code = (String) admin.post("/api/masters/" + master + "/channels/telegram-code", Map.of()).data().get("code");
        String update = telegram.updateJson(CHAT, "/start " + code);
        Api anonymous = new Api(client);

        assertEquals(401, anonymous.postRaw("/integrations/telegram/webhook", update, "application/json").status());
        assertEquals(401, anonymous.withHeader("X-Telegram-Bot-Api-Secret-Token", "guess")
                .postRaw("/integrations/telegram/webhook", update, "application/json").status());
        assertEquals(false, admin.get("/api/masters/" + master + "/channels").data().get("telegramLinked"),
                "nothing was read without the secret");

        Api telegramSide = anonymous.withHeader("X-Telegram-Bot-Api-Secret-Token", SECRET);
        assertEquals(200, telegramSide.postRaw("/integrations/telegram/webhook", update, "application/json").status());
        assertEquals(200, telegramSide.postRaw("/integrations/telegram/webhook", update, "application/json").status(),
                "a redelivery is acknowledged");
        assertEquals(true, admin.get("/api/masters/" + master + "/channels").data().get("telegramLinked"));
        Eventually.until("the bot answered", () -> !telegram.sentTo(CHAT).isEmpty());
        long replies = admin.get("/api/notifications?channel=telegram&limit=100").list().size();
        assertEquals(1, replies, "the repeated update made no second answer");
        assertEquals("Готово: сюда будут приходить заявки мастера Пётр.", telegram.sentTo(CHAT).get(0).text());
    }
}
