package org.callcentre.crm.demo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo writes rows into its database: an external one is refused unless forced. */
class DemoConfigurerTest {
    private static final List<String> PROPERTIES = List.of("crm.demo.enabled", "crm.demo.force", "datasources.default.url");

    @AfterEach
    void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void theDemoIsRefusedWithAnExternalDatabaseUnlessForced() {
        ApplicationContextBuilder builder = ApplicationContext.builder();
        System.setProperty("crm.demo.enabled", "true");
        System.setProperty("datasources.default.url", "jdbc:postgresql://db.example:5432/crm");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new DemoConfigurer().configure(builder));
        assertTrue(refused.getMessage().contains("CRM_DEMO_FORCE"), refused.getMessage());

        System.setProperty("crm.demo.force", "true");
        assertDoesNotThrow(() -> new DemoConfigurer().configure(builder));
    }

    @Test
    void withTheEmbeddedDatabaseOrTheDemoOffNothingIsRefused() {
        // made before the properties are set: building one runs every context configurer, the database's too
        ApplicationContextBuilder builder = ApplicationContext.builder();
        System.setProperty("crm.demo.enabled", "true");
        assertDoesNotThrow(() -> new DemoConfigurer().configure(builder));
        System.setProperty("crm.demo.enabled", "false");
        System.setProperty("datasources.default.url", "jdbc:postgresql://db.example:5432/crm");
        assertDoesNotThrow(() -> new DemoConfigurer().configure(builder));
    }
}
