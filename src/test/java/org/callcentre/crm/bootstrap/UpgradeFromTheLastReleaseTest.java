package org.callcentre.crm.bootstrap;

import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Engineers number migrations from ranges of their own, so a release can add a migration numbered below
 * one an earlier release already applied (V242 after V271). A database of the last release must still
 * upgrade — Flyway refuses that unless migrations may run out of order — and end with the same schema as a
 * fresh database, which applies every migration in version order.
 */
@MicronautTest(transactional = false)
class UpgradeFromTheLastReleaseTest {
    /** The SQL migrations of the last landed release (stop 19, commit bb3069a); V81 is a Java migration. */
    private static final Set<String> LAST_RELEASE = Set.of("1", "10", "30", "40", "41", "50", "80", "95", "100", "101",
            "110", "120", "130", "200", "240", "241", "260", "261", "262", "264", "270", "271");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    @Inject
    @Named("default")
    FlywayConfigurationProperties configuration;
    @Inject
    @Named("default")
    JavaMigration[] javaMigrations;

    @TempDir
    Path lastRelease;

    @Test
    void aDatabaseOfTheLastReleaseUpgradesToTheSchemaOfAFreshOne() throws Exception {
        String upgraded = emptyDatabase("upgrade_from_last_release");
        String fresh = emptyDatabase("upgrade_fresh");
        copyLastReleaseMigrations();

        Flyway.configure().locations("filesystem:" + lastRelease).javaMigrations(javaMigrations)
                .dataSource(upgraded, "postgres", "").load().migrate();
        applicationFlyway(upgraded).migrate();
        applicationFlyway(fresh).migrate();

        List<String> upgradedSchema = schema(upgraded);
        assertFalse(upgradedSchema.isEmpty());
        assertEquals(schema(fresh), upgradedSchema, "the upgraded database's columns, constraints and indexes");
    }

    private Flyway applicationFlyway(String url) {
        return Flyway.configure().configuration(configuration.getFluentConfiguration()).javaMigrations(javaMigrations)
                .dataSource(url, "postgres", "").load();
    }

    private void copyLastReleaseMigrations() throws IOException, URISyntaxException {
        Path migrations = Path.of(getClass().getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                // versioned migrations only: callbacks such as beforeEachMigrate.sql came later
                Matcher versioned = VERSIONED.matcher(name);
                if (versioned.matches() && LAST_RELEASE.contains(versioned.group(1))) {
                    try (InputStream in = Files.newInputStream(file)) {
                        Files.copy(in, lastRelease.resolve(name));
                    }
                }
            }
        }
        try (Stream<Path> copied = Files.list(lastRelease)) {
            assertEquals(LAST_RELEASE.size(), copied.count(), "every migration of the last release is still shipped");
        }
    }

    private static String emptyDatabase(String name) throws SQLException {
        String url = EmbeddedDatabases.create(name);
        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA public CASCADE");
            drop.execute("CREATE SCHEMA public");
        }
        return url;
    }

    private static List<String> schema(String url) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement s = connection.createStatement()) {
            read(s, "SELECT table_name || '.' || column_name || ' ' || data_type || ' null=' || is_nullable || ' default=' "
                    + "|| coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' "
                    + "AND table_name <> 'flyway_schema_history' ORDER BY table_name, column_name", lines);
            read(s, "SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE connamespace = 'public'::regnamespace ORDER BY 1", lines);
            read(s, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' "
                    + "ORDER BY indexdef", lines);
        }
        return lines;
    }

    private static void read(Statement statement, String sql, List<String> into) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }
}
