package org.callcentre.crm.notifications.masters;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.ServiceProcess;
import org.callcentre.crm.testing.SmtpTestServer;
import org.callcentre.crm.testing.TelegramTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the service while it sends job cards to a slow Telegram and a real SMTP server:
 * after the restart every card arrives, and none that was marked sent arrives again. The one message
 * that may come twice is the one in flight at the kill — the gateway took it but the service never
 * heard back — and then its row holds the later copy's id (the first copy was never marked sent).
 */
class JobCardsSurviveAKillIT {
    private static final int ORDERS = 24;
    private static final long CHAT = 4440001;

    @TempDir
    Path dataDir;

    private final ObjectMapper json = ObjectMapper.getDefault();

    @Test
    void aKillBetweenSendsRepeatsNothingMarkedSent() throws Exception {
        try (SmtpTestServer smtp = new SmtpTestServer(); TelegramTestServer telegram = new TelegramTestServer();
             ServiceProcess service = new ServiceProcess(dataDir, Map.of(
                     "CRM_TELEGRAM_BOT_TOKEN", TelegramTestServer.TOKEN, "CRM_TELEGRAM_API_URL", telegram.url(),
                     "CRM_TELEGRAM_POLL_TIMEOUT", "1s", "CRM_SMTP_HOST", "127.0.0.1",
                     "CRM_SMTP_PORT", String.valueOf(smtp.port()), "CRM_SMTP_SECURITY", "none",
                     "CRM_NOTIFICATIONS_POLL_INTERVAL", "200ms", "CRM_NOTIFICATIONS_LEASE", "3s",
                     "CRM_NOTIFICATIONS_RETRY_BASE", "500ms"))) {
            service.start();
            String token = service.login();
            service.post(token, "/api/cities", "{\"name\":\"Казань\",\"timezone\":\"Europe/Moscow\"}");
            long master = Long.parseLong(ServiceProcess.field(service.post(token, "/api/masters",
                    "{\"name\":\"Иван\",\"cities\":[\"Казань\"]}"), "id"));
            service.send(token, "PUT", "/api/masters/" + master + "/channels", "{\"email\":\"ivan@masters.test\"}", 200);
            String code = ServiceProcess.field(service.send(token, "POST", "/api/masters/" + master + "/channels/telegram-code",
                    "{}", 200), "code");
            telegram.userTypes(CHAT, "/start " + code);
            Eventually.until("the bot confirmed the link", () -> telegram.sentTo(CHAT).size() == 1);

            telegram.delaySends(300);
            List<Long> orders = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                orders.add(Long.parseLong(ServiceProcess.field(service.post(token, "/api/orders", """
                        {"city":"Казань","phone":"+7916%07d","clientName":"Клиент %d","address":"ул. Баумана, %d",\
                        "masterId":%d}""".formatted(i, i, i + 1, master)), "id")));
            }
            Eventually.until("a third of the cards reached Telegram", () -> cards(telegram).size() >= ORDERS / 3);
            service.kill();
            int beforeKill = cards(telegram).size();
            assertTrue(beforeKill < ORDERS, "the kill came between sends: " + beforeKill + " of " + ORDERS);

            telegram.delaySends(0);
            service.start();
            String again = service.login();
            Eventually.until("every card is marked sent after the restart",
                    () -> sentCards(service, again).size() == 2 * ORDERS);

            int repeats = 0;
            for (Map<String, Object> row : sentCards(service, again)) {
                long order = ((Number) row.get("orderId")).longValue();
                String externalId = String.valueOf(row.get("externalId"));
                List<String> copies = "telegram".equals(row.get("channel"))
                        ? cards(telegram).stream().filter(c -> c.text().startsWith("Новая заявка №" + order + "\n"))
                                .map(c -> String.valueOf(c.messageId())).toList()
                        : mailIds(smtp, order);
                assertTrue(copies.size() == 1 || copies.size() == 2, row + " arrived " + copies.size() + " times");
                assertEquals(copies.get(copies.size() - 1), externalId,
                        "the row holds the copy it was marked sent with, and nothing came after it: " + row + " " + copies);
                repeats += copies.size() - 1;
            }
            assertTrue(repeats <= 1, "only the message in flight at the kill may come twice; " + repeats + " did");
            assertEquals(ORDERS, orders.size());
        }
    }

    private static List<TelegramTestServer.Sent> cards(TelegramTestServer telegram) {
        return telegram.sentTo(CHAT).stream().filter(s -> s.text().startsWith("Новая заявка №")).toList();
    }

    private static List<String> mailIds(SmtpTestServer smtp, long order) {
        List<SmtpTestServer.Mail> mails = smtp.received();
        List<String> ids = smtp.messageIds();
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            if (mails.get(i).subject().equals("Новая заявка №" + order)) {
                copies.add(ids.get(i));
            }
        }
        return copies;
    }

    private List<Map<String, Object>> sentCards(ServiceProcess service, String token) {
        try {
            Map<String, Object> page = json.readValue(service.get(token, "/api/notifications?state=sent&limit=100"),
                    Argument.mapOf(String.class, Object.class));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("data");
            return rows.stream().filter(r -> "job-card".equals(r.get("purpose"))).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
