package org.callcentre.crm.ui;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.notifications.NewNotification;
import org.callcentre.crm.notifications.NotificationChannel;
import org.callcentre.crm.notifications.Notifications;
import org.callcentre.crm.live.LivePushQueue;
import org.callcentre.crm.live.Settle;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The notification log in Chromium: with no SMTP server set, an order's e-mail fails at once; the
 * admin sees it as not delivered, with its error and a retry button, and finds it on the order too.
 */
@MicronautTest(transactional = false)
class BrowserNotificationLogTest {
    @Inject
    EmbeddedServer server;
    @Inject
    TestData data;
    @Inject
    LivePushQueue pushes;
    @Inject
    Notifications notifications;

    @AfterEach
    void settle() throws InterruptedException {
        Settle.everything(data, pushes);
    }

    @Test
    void anAdminSeesAFailedNotificationInTheLogAndOnItsOrder() throws Exception {
        BrowserScenario browser = BrowserScenario.against(server);
        KazanCallCentre centre = new KazanCallCentre(data, null);
        long order = data.db().insert("INSERT INTO orders (city_id, phone, status) VALUES (?, '+79123456789', 'new') RETURNING id",
                centre.kazan);
        notifications.enqueue(NewNotification.of(NotificationChannel.email, "job-card", "ivan@masters.test", "Новая заявка")
                .subject("Новая заявка").order(order));
        Eventually.until("the e-mail failed", () -> data.db().queryLong(
                "SELECT count(*) FROM notifications WHERE state = 'failed'") == 1);

        Map<String, String> results = browser.run("notification-log", Map.of());

        assertEquals("1", results.get("failedRows"));
        assertEquals("true", results.get("error"), "the row shows why: e-mail is off");
        assertEquals("1", results.get("retryOffered"));
        assertEquals("1", results.get("orderRows"), "the order lists its notification");
    }
}
