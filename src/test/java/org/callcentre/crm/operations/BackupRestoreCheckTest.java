package org.callcentre.crm.operations;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.RequiredTool;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs scripts/backup-restore-check.sh against the test's embedded PostgreSQL, as an operator of the service would. */
@MicronautTest(transactional = false)
class BackupRestoreCheckTest {
    @Inject
    TestData data;
    @Value("${datasources.default.url}")
    String jdbcUrl;

    @Test
    void theBackupRestoresIntoAFreshCopyWithEveryRowCountEqual(@TempDir Path backup) throws Exception {
        RequiredTool.require("psql", "apt-get install postgresql-client");
        RequiredTool.require("tar", "apt-get install tar");
        data.reset();
        long city = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", city, "101");
        data.db().update("INSERT INTO orders (city_id, phone) SELECT ?, '+7916' || lpad(g::text, 7, '0') FROM generate_series(1, 500) g", city);

        URI db = URI.create(jdbcUrl.substring("jdbc:".length()));
        ProcessBuilder script = new ProcessBuilder("scripts/backup-restore-check.sh", backup.toString()).redirectErrorStream(true);
        script.environment().put("PGHOST", db.getHost());
        script.environment().put("PGPORT", String.valueOf(db.getPort()));
        script.environment().put("PGUSER", "postgres");
        script.environment().put("PGDATABASE", db.getPath().substring(1));
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("restore check passed"), output);

        List<String> restored = Files.readAllLines(backup.resolve("counts.restored"));
        assertTrue(restored.contains("orders 500"), restored.toString());
        assertTrue(restored.contains("operators 1"), restored.toString());
        assertEquals(Files.readAllLines(backup.resolve("counts.source")), restored);
    }
}
