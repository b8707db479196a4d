package org.callcentre.crm.testing;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.core.order.Ordered;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * With {@code -Ppostgres-container} (the only build that compiles this file) every application context of
 * the tests uses PostgreSQL 16 in a Testcontainers container instead of the embedded PostgreSQL: one
 * container per test JVM, started by the first context, named to the application the way an operator
 * names an external database ({@code datasources.default.*}, with the JWT and secrets keys an external
 * database requires). It runs before the application's own {@code LocalStateConfigurer}, which then sees an
 * external database and starts no embedded one. Tests that start a PostgreSQL of their own (outages, the
 * backup script's PostgreSQL 15, the packaged jar's kill tests) keep theirs.
 */
@ContextConfigurer
public class PostgresContainerDatabase implements ApplicationContextConfigurer {
    static final String IMAGE = "postgres:16-alpine";
    private static PostgreSQLContainer<?> container;
    private static IllegalStateException unavailable;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        start();
    }

    private static synchronized void start() {
        if (unavailable != null) {
            throw unavailable;
        }
        if (container != null) {
            return;
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            unavailable = new IllegalStateException("-Ppostgres-container runs the tests against " + IMAGE
                    + " in a Testcontainers container, but no Docker engine was found (DOCKER_HOST, /var/run/docker.sock,"
                    + " ~/.testcontainers.properties). Start Docker, or run without -Ppostgres-container: the tests then use"
                    + " the embedded PostgreSQL.");
            throw unavailable;
        }
        PostgreSQLContainer<?> started = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE))
                .withDatabaseName("crm").withUsername("crm").withPassword("crm");
        started.start();
        System.setProperty("datasources.default.url", started.getJdbcUrl());
        System.setProperty("datasources.default.username", started.getUsername());
        System.setProperty("datasources.default.password", started.getPassword());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        System.setProperty("crm.jwt.secret", Base64.getEncoder().encodeToString(key) + "-test-jvm-only");
        new SecureRandom().nextBytes(key);
        System.setProperty("crm.secrets.key", Base64.getEncoder().encodeToString(key));
        container = started;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "postgres-container-stop"));
    }
}
