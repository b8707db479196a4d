package org.callcentre.crm.ui;

import org.callcentre.crm.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newcomer's first start: the packaged jar with {@code CRM_DEMO=true} on an empty data directory, no Mango key and
 * no Avito address given. In Chromium a demo operator sees a demo call (played through the signed Mango webhook with
 * the demo's own key) pop on her workspace, and a demo supervisor's wallboard counts the demo's inbound calls.
 */
class DemoInTheBrowserIT {
    private static final String DEMO_PASSWORD = "demo-browser-pw-2026";

    @TempDir
    Path dataDir;

    @Test
    void aDemoCallPopsOnADemoOperatorsWorkspaceAndCountsOnTheWallboard() throws Exception {
        try (ServiceProcess service = new ServiceProcess(dataDir, Map.of("CRM_DEMO", "true", "CRM_DEMO_PASSWORD", DEMO_PASSWORD,
                // a shorter turn than the default 15 s, so that the operator's next call comes while the test waits
                "CRM_DEMO_CALL_INTERVAL", "4s"))) {
            service.start();
            Map<String, String> results = BrowserScenario.against(service.uri("").toString(), DEMO_PASSWORD).run("demo", Map.of());
            assertEquals("Казань (демо)", results.get("popCity"), "the pop names the demo campaign's city");
            assertTrue(Integer.parseInt(results.get("inboundToday")) > 0, results.toString());
            assertTrue(service.log().contains("Demo mode"), "the log tells the demo is on");
        }
    }
}
