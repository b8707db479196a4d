package org.callcentre.crm.bootstrap;

import org.callcentre.crm.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real service as a separate process, the way the README starts it, on a data directory
 * of its own: what was written is still there after a restart, even after {@code kill -9}.
 */
class DataDirectorySurvivesRestartIT {
    @TempDir
    Path dataDir;

    @Test
    void anOrderCreatedOverHttpSurvivesAKillAndARestart() throws Exception {
        try (ServiceProcess service = new ServiceProcess(dataDir, Map.of())) {
            service.start();
            String token = service.login();
            service.post(token, "/api/cities", "{\"name\":\"Казань\",\"timezone\":\"Europe/Moscow\"}");
            String order = service.post(token, "/api/orders",
                    "{\"city\":\"Казань\",\"phone\":\"8 916 123-45-67\",\"clientName\":\"Анна\",\"problem\":\"Не греет\"}");
            String orderId = ServiceProcess.field(order, "id");

            service.kill();

            service.start();
            String fetched = service.get(service.login(), "/api/orders/" + orderId);
            assertTrue(fetched.contains("+79161234567"), fetched);
            assertTrue(fetched.contains("Не греет"), fetched);
            assertTrue(Files.exists(dataDir.resolve("jwt.key")));
        }
    }
}
