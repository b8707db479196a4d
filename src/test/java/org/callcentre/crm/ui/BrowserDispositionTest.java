package org.callcentre.crm.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.ServiceFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In Chromium, an operator picks the disposition of a call answered through signed Mango webhooks
 * on its screen-pop, and the supervisor's statistics count it under that disposition.
 */
@MicronautTest(transactional = false)
class BrowserDispositionTest extends ServiceFixture {
    @Test
    void anOperatorPicksADispositionOnThePopAndTheSupervisorSeesItCounted() throws Exception {
        BrowserScenario browser = BrowserScenario.against(server);
        KazanCallCentre centre = new KazanCallCentre(data, new MangoWebhooks(client, data.db()));
        long orderTaken = data.resultCode("disposition", "Оформлен заказ");
        data.resultCode("disposition", "Консультация");

        Map<String, String> results = browser.run("disposition", Map.of(
                "ring-and-answer", () -> {
                    centre.ring("e2e-disposed", "101");
                    centre.answer("e2e-disposed", "101");
                },
                "hang-up", () -> centre.hangUpAnswered("e2e-disposed", "101")));

        assertEquals("1", results.get("counted"));
        assertEquals(orderTaken, data.db().queryLong("SELECT disposition_id FROM calls WHERE status = 'answered' AND operator_id = ?",
                centre.olga));
    }
}
