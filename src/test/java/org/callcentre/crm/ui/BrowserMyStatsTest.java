package org.callcentre.crm.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.stats.RollupRebuild;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.ServiceFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "My statistics" in Chromium: olga answered two calls (signed Mango summaries, 100 s and 200 s
 * of talk) and made an order that was completed for 5 000 ₽; she sees exactly that for the last
 * 7 days, and so does a supervisor opening her from the operators' statistics.
 */
@MicronautTest(transactional = false)
class BrowserMyStatsTest extends ServiceFixture {
    @Inject
    RollupRebuild rollups;

    @Test
    void anOperatorAndHerSupervisorSeeHerCallsTalkOrdersAndRevenue() throws Exception {
        BrowserScenario browser = BrowserScenario.against(server);
        MangoWebhooks mango = new MangoWebhooks(client, data.db());
        KazanCallCentre centre = new KazanCallCentre(data, mango);
        long now = Instant.now().getEpochSecond();
        assertEquals(200, mango.summary("e2e-stats-1", "79123456789", now - 600, now - 590, now - 490, "101"));
        assertEquals(200, mango.summary("e2e-stats-2", "79123456780", now - 400, now - 390, now - 190, "101"));
        mango.awaitApplied();
        data.db().update("""
                INSERT INTO orders (city_id, phone, operator_id, status, result, expenditure, clean, created_at)
                VALUES (?, '+79123456789', ?, 'completed', 5000, 1000, 4000, now() - interval '5 minutes')""", centre.kazan, centre.olga);
        rollups.rebuild();

        Map<String, String> results = browser.run("my-stats", Map.of());

        for (String who : new String[] {"own", "supervisor"}) {
            assertEquals("2", results.get(who + ".calls"), who);
            assertEquals("2", results.get(who + ".accepted"), who);
            assertEquals("0", results.get(who + ".missed"), who);
            assertEquals("2:30", results.get(who + ".talk"), who + ": (100 + 200) / 2 s");
            assertEquals("1", results.get(who + ".orders"), who);
            assertEquals("5000", results.get(who + ".revenue"), who);
        }
    }
}
