package org.callcentre.crm.bootstrap;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, before any bean exists, where the database is, which key signs tokens and which key
 * encrypts stored credentials: an external PostgreSQL when {@code DATASOURCES_DEFAULT_URL} is given,
 * otherwise an embedded one under {@code $CRM_DATA_DIR/postgres} with keys generated once into
 * {@code $CRM_DATA_DIR/jwt.key} and {@code $CRM_DATA_DIR/secrets.key}.
 */
@ContextConfigurer
public class LocalStateConfigurer implements ApplicationContextConfigurer {

    static final String EPHEMERAL_PROPERTY = "crm.embedded-postgres.ephemeral";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        Settings settings = Settings.fromSystem();
        Map<String, Object> properties = new HashMap<>();
        properties.put("crm.data-dir", settings.dataDir().toString());
        boolean embedded = settings.datasourceUrl().isEmpty();
        if (embedded) {
            Optional<Path> pgDir = settings.ephemeral() ? Optional.empty() : Optional.of(settings.dataDir().resolve("postgres"));
            properties.put("datasources.default.url", EmbeddedPostgresServer.jdbcUrl(pgDir));
            properties.put("datasources.default.username", "postgres");
            properties.put("datasources.default.password", "");
            properties.put("crm.database.embedded", true);
        }
        readReplica(properties);
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                JwtSecret.resolve(settings.jwtSecret(), embedded, settings.dataDir()));
        properties.put("crm.secrets.key", SecretsKey.resolve(settings.secretsKey(), embedded, settings.dataDir()));
        builder.properties(properties);
    }

    /**
     * A second datasource, {@code read}, only when {@code CRM_DB_READ_URL} names a read replica: statistics, reports
     * and lists read from it (shared.ReadDb); without it no such datasource exists and everything reads the primary.
     */
    private static void readReplica(Map<String, Object> properties) {
        setting("crm.db.read.url", "CRM_DB_READ_URL").ifPresent(url -> {
            properties.put("datasources.read.url", url);
            setting("crm.db.read.username", "CRM_DB_READ_USERNAME").ifPresent(user -> properties.put("datasources.read.username", user));
            setting("crm.db.read.password", "CRM_DB_READ_PASSWORD").ifPresent(password -> properties.put("datasources.read.password", password));
            properties.put("datasources.read.driver-class-name", "org.postgresql.Driver");
            properties.put("datasources.read.db-type", "postgres");
            properties.put("datasources.read.dialect", "POSTGRES");
            properties.put("datasources.read.read-only", true);
            // a replica gone away is noticed by the probe within a second or two; a request meanwhile should not hang on it
            properties.put("datasources.read.connection-timeout", "2000");
            properties.put("datasources.read.maximum-pool-size",
                    setting("crm.db.read.pool-size", "CRM_DB_READ_POOL_SIZE").orElse("10"));
            properties.put("datasources.read.connection-init-sql", "SET statement_timeout = '${crm.db.statement-timeout}'");
        });
    }

    /** A setting read before the environment exists, the way Micronaut would read it: system property, then environment. */
    public static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** The few settings needed before the environment exists, read the way Micronaut would read them. */
    record Settings(Path dataDir, Optional<String> datasourceUrl, Optional<String> jwtSecret,
                    Optional<String> secretsKey, boolean ephemeral) {
        static Settings fromSystem() {
            return new Settings(
                    Path.of(setting("crm.data-dir", "CRM_DATA_DIR").orElse("./data")).toAbsolutePath().normalize(),
                    setting("datasources.default.url", "DATASOURCES_DEFAULT_URL"),
                    setting("crm.jwt.secret", "CRM_JWT_SECRET"),
                    setting("crm.secrets.key", "CRM_SECRETS_KEY"),
                    Boolean.parseBoolean(System.getProperty(EPHEMERAL_PROPERTY, "false")));
        }

    }
}
