package org.callcentre.crm.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.ServiceFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A call-back scheduled in Chromium 15 s ahead comes back as a reminder pushed on the operator's
 * socket through the notifications outbox, and "got it" marks it seen.
 */
@MicronautTest(transactional = false)
class BrowserTaskReminderTest extends ServiceFixture {
    @Test
    void aCallBackScheduledFifteenSecondsAheadIsPushedToTheWorkspace() throws Exception {
        BrowserScenario browser = BrowserScenario.against(server);
        KazanCallCentre centre = new KazanCallCentre(data, new MangoWebhooks(client, data.db()));
        long maria = data.db().insert("INSERT INTO clients (name, city_id) VALUES ('Мария Кузнецова', ?) RETURNING id", centre.kazan);
        data.db().update("INSERT INTO client_phones (client_id, phone) VALUES (?, '+79123456789')", maria);

        Map<String, String> results = browser.run("task-reminder", Map.of("seen", () -> Eventually.until("the reminder is marked seen",
                () -> data.db().queryLong("SELECT count(*) FROM tasks WHERE reminder_seen_at IS NOT NULL") == 1)));

        assertEquals("push", results.get("via"), "the reminder came over the socket, not from the connect-time catch-up");
        long task = Long.parseLong(results.get("taskId"));
        assertEquals(Map.of("kind", "callback", "client", maria, "phone", "+79123456789", "assignee", centre.olga, "priority", "high",
                        "reminded", true),
                data.db().queryOne("SELECT kind, client_id, phone, assignee_id, priority, reminded_at IS NOT NULL AS reminded FROM tasks WHERE id = ?",
                        rs -> Map.<String, Object>of("kind", rs.getString(1), "client", rs.getLong(2), "phone", rs.getString(3),
                                "assignee", rs.getLong(4), "priority", rs.getString(5), "reminded", rs.getBoolean(6)), task).orElseThrow());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM notifications n JOIN tasks t ON t.reminder_id = n.id "
                + "WHERE t.id = ? AND n.channel = 'operator' AND n.state = 'sent'", task), "the one outbox carried it");
    }
}
