package org.callcentre.crm.notifications.masters;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.SmtpTestServer;
import org.callcentre.crm.testing.TelegramTestServer;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Job cards to masters and the masters' answers, against a local server speaking the Telegram Bot
 * API (updates by getUpdates long polling) and a real SMTP server (GreenMail).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MasterJobCardTest implements TestPropertyProvider {
    private static final long CHAT = 5550001;

    private SmtpTestServer smtp;
    private TelegramTestServer telegram;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api admin;
    long master;

    @Override
    public Map<String, String> getProperties() {
        smtp = new SmtpTestServer();
        telegram = new TelegramTestServer();
        Map<String, String> properties = new HashMap<>(smtp.properties());
        properties.putAll(telegram.properties());
        return properties;
    }

    @AfterAll
    void stopServers() {
        smtp.close();
        telegram.close();
    }

    @BeforeEach
    void setUp() {
        data.reset();
        smtp.reset();
        telegram.reset();
        data.city("Москва", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        admin = new Api(client).login("boss", TestData.PASSWORD);
        master = id(admin.post("/api/masters", Map.of("name", "Иван Петров", "cities", List.of("Москва"))));
        String code = (String) admin.post("/api/masters/" + master + "/channels/telegram-code", Map.of()).data().get("code");
        telegram.userTypes(CHAT, "/start " + code);
        awaitReply("Готово: сюда будут приходить заявки мастера Иван Петров.");
        Api.Reply email = admin.put("/api/masters/" + master + "/channels", Map.of("email", "ivan@masters.test"));
        assertEquals(Map.of("masterId", (int) master, "email", "ivan@masters.test", "telegramLinked", true),
                withoutTime(email.data()), email.toString());
        telegram.reset();
    }

    @Test
    void assigningAnOrderSendsOneTelegramCardAndOneEmailAndOnlyATimeOrAddressChangeSendsAnother() {
        long order = order();
        assertEquals(0, notificationsOf(order).size(), "no master, no card");

        patch(order, Map.of("masterId", master));
        assertEquals(2, notificationsOf(order).size(), "one Telegram card and one e-mail, written with the assignment");
        Eventually.until("the card reached Telegram and the mailbox",
                () -> telegram.sentTo(CHAT).size() == 1 && smtp.received().size() == 1);
        String card = """
                Новая заявка №%d
                Клиент: Анна Смирнова
                Телефон: +79161234567
                Адрес: ул. Ленина, 5, кв. 12 (Москва)
                Время: 01.03.2030 14:30
                Техника: стиральная машина
                Проблема: не сливает воду""".formatted(order);
        TelegramTestServer.Sent sent = telegram.sentTo(CHAT).get(0);
        assertEquals(card, sent.text());
        assertEquals(List.of(List.of("order:" + order + ":accepted", "order:" + order + ":on_the_way"),
                List.of("order:" + order + ":on_site", "order:" + order + ":done")), sent.buttons());
        assertEquals(new SmtpTestServer.Mail("ivan@masters.test", "Новая заявка №" + order + ", 01.03.2030 14:30", card),
                smtp.received().get(0));

        patch(order, Map.of("problem", "шумит при отжиме"));
        assertEquals(2, notificationsOf(order).size(), "a change of the problem sends no card");

        patch(order, Map.of("dateMeeting", "2030-03-01T16:00"));
        assertEquals(4, notificationsOf(order).size(), "a new visit time sends the card again on both channels");
        Eventually.until("the changed card arrived", () -> telegram.sentTo(CHAT).size() == 2 && smtp.received().size() == 2);
        assertTrue(telegram.sentTo(CHAT).get(1).text().startsWith("Заявка №" + order + " изменена\n"));
        assertTrue(telegram.sentTo(CHAT).get(1).text().contains("Время: 01.03.2030 16:00"));
        assertTrue(notificationsOf(order).stream().allMatch(n -> "job-card".equals(n.get("purpose"))));
    }

    @Test
    void buttonsMoveTheOrderAndDoneWithTheAmountsCompletesIt() {
        long order = order();
        patch(order, Map.of("masterId", master));
        TelegramTestServer.Sent card = awaitCard();

        telegram.userPresses(card, "order:" + order + ":accepted");
        awaitReply("Заявка №" + order + ": «Принял» отмечено.");
        assertEquals("assigned", order(order).get("status"));

        telegram.userPresses(card, "order:" + order + ":on_the_way");
        awaitReply("Заявка №" + order + ": «Выехал» отмечено.");
        assertEquals("in_progress", order(order).get("status"));

        telegram.userPresses(card, "order:" + order + ":done");
        awaitReply("Заявка №" + order + ": напишите суммы — сколько получено и расходы, например: 5000 1200");
        assertEquals("in_progress", order(order).get("status"), "not completed without the amounts");

        telegram.userTypes(CHAT, "5000 1200");
        awaitReply("Заявка №" + order + " выполнена: получено 5000, расходы 1200.");
        Map<String, Object> done = order(order);
        assertEquals("completed", done.get("status"));
        assertEquals(0, new BigDecimal("5000").compareTo(new BigDecimal(done.get("result").toString())));
        assertEquals(0, new BigDecimal("1200").compareTo(new BigDecimal(done.get("expenditure").toString())));
        assertEquals(0, new BigDecimal("3800").compareTo(new BigDecimal(done.get("clean").toString())));
        assertEquals(3, telegram.answeredCallbacks().size(), "each of the three pressed buttons's spinner is stopped");
    }

    @Test
    void anIllegalMoveIsAnsweredInTheChatAndChangesNothing() {
        long order = order();
        patch(order, Map.of("masterId", master));
        TelegramTestServer.Sent card = awaitCard();

        telegram.userPresses(card, "order:" + order + ":done");
        awaitReply("Нельзя отметить «Готово» по заявке №" + order
                + ": Order status cannot change from new to completed; allowed: assigned, cancelled");
        assertEquals("new", order(order).get("status"));

        long other = order();
        telegram.userPresses(card, "order:" + other + ":accepted");
        awaitReply("Заявка №" + other + " не назначена вам.");
        assertEquals("new", order(other).get("status"));
    }

    @Test
    void typedRepliesAreReadByTheirWordFormsAndDoneCanCarryTheAmounts() {
        long order = order();
        patch(order, Map.of("masterId", master));
        awaitCard();

        telegram.userTypes(CHAT, "Приняла, буду вовремя");
        awaitReply("Заявка №" + order + ": «Принял» отмечено.");
        telegram.userTypes(CHAT, "ещё не выехал");
        awaitReply("Не понял. Нажмите кнопку под заявкой или напишите: принял, выехал, на месте, готово.");
        assertEquals("assigned", order(order).get("status"));
        telegram.userTypes(CHAT, "Выезжаю");
        awaitReply("Заявка №" + order + ": «Выехал» отмечено.");
        assertEquals("in_progress", order(order).get("status"));
        telegram.userTypes(CHAT, "Всё сделала, взяла 4500");
        awaitReply("Заявка №" + order + " выполнена: получено 4500, расходы 0.");
        assertEquals("completed", order(order).get("status"));
    }

    @Test
    void onlyAValidCodeLinksAChat() {
        telegram.userTypes(CHAT + 1, "выехал");
        awaitReplyIn(CHAT + 1, "Этот чат не привязан к мастеру. Отправьте код привязки, который выдал диспетчер.");
        telegram.userTypes(CHAT + 1, "/start 00000000");
        awaitReplyIn(CHAT + 1, "Код не подошёл или устарел. Попросите у диспетчера новый.");
        assertEquals(400, admin.put("/api/masters/" + master + "/channels", Map.of("email", "not-an-address")).status());
        assertEquals(404, admin.post("/api/masters/999999/channels/telegram-code", Map.of()).status());
    }

    @Test
    void aFailingTelegramIsRetriedAndShownFailedAfterTheLastAttemptWhileTheEmailGoes() {
        telegram.failNextSends(100);
        long order = order();
        patch(order, Map.of("masterId", master));
        Eventually.until("the Telegram card failed for good", () -> notificationsOf(order).stream()
                .anyMatch(n -> "telegram".equals(n.get("channel")) && "failed".equals(n.get("state"))));
        Map<String, Object> failed = notificationsOf(order).stream().filter(n -> "telegram".equals(n.get("channel")))
                .findFirst().orElseThrow();
        assertEquals(3, ((Number) failed.get("attempts")).intValue(), failed.toString());
        assertEquals("Telegram sendMessage: 500 Internal Server Error", failed.get("lastError"));
        Eventually.until("the e-mail went anyway", () -> smtp.received().size() == 1);
        assertEquals(List.of(), telegram.sentTo(CHAT));

        telegram.failNextSends(0);
        assertEquals(200, admin.post("/api/notifications/" + failed.get("id") + "/retry", Map.of()).status());
        Eventually.until("the retried card is sent", () -> telegram.sentTo(CHAT).size() == 1);
    }

    private TelegramTestServer.Sent awaitCard() {
        Eventually.until("the card reached Telegram", () -> telegram.sentTo(CHAT).size() == 1);
        return telegram.sentTo(CHAT).get(0);
    }

    private void awaitReply(String text) {
        awaitReplyIn(CHAT, text);
    }

    private void awaitReplyIn(long chat, String text) {
        Eventually.until("the bot answered «" + text + "» in " + chat + "; it sent " + telegram.sentTo(chat),
                () -> telegram.sentTo(chat).stream().anyMatch(s -> s.text().equals(text)));
    }

    private long order() {
        Api.Reply created = admin.post("/api/orders", Map.of("city", "Москва", "phone", "+79161234567",
                "clientName", "Анна Смирнова", "address", "ул. Ленина, 5, кв. 12", "dateMeeting", "2030-03-01T14:30",
                "typeEquipment", "стиральная машина", "problem", "не сливает воду"));
        assertEquals(201, created.status(), created.toString());
        return id(created);
    }

    private void patch(long order, Map<String, Object> body) {
        Api.Reply reply = admin.patch("/api/orders/" + order, body);
        assertEquals(200, reply.status(), reply.toString());
    }

    private Map<String, Object> order(long order) {
        return admin.get("/api/orders/" + order).data();
    }

    private List<Map<String, Object>> notificationsOf(long order) {
        return admin.get("/api/notifications?orderId=" + order + "&limit=100").list().stream()
                .filter(n -> "job-card".equals(n.get("purpose"))).toList();
    }

    private static long id(Api.Reply reply) {
        return ((Number) reply.data().get("id")).longValue();
    }

    private static Map<String, Object> withoutTime(Map<String, Object> view) {
        Map<String, Object> copy = new HashMap<>(view);
        copy.remove("telegramLinkedAt");
        return copy;
    }
}
