package org.callcentre.crm.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** With -Ppostgres-container the application's database is the container's PostgreSQL 16, not the embedded one. */
@MicronautTest(transactional = false)
class TestsUseTheContainerDatabaseTest {
    @Inject
    TestData data;
    @Inject
    ApplicationContext context;

    @Test
    void theApplicationTalksToPostgres16InTheContainer() {
        assertEquals(16, data.db().queryLong("SELECT current_setting('server_version_num')::int / 10000"));
        assertFalse(context.getProperty("crm.database.embedded", Boolean.class).orElse(false), "the embedded PostgreSQL was started");
        assertEquals(System.getProperty("datasources.default.url"), context.getProperty("datasources.default.url", String.class).orElseThrow());
    }
}
