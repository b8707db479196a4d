package org.callcentre.crm.stats;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.migration.JavaMigration;

/** Java migrations of the default datasource: micronaut-flyway hands Flyway the array bean named after it. */
@Factory
class StatsMigrations {

    @Singleton
    @Named("default")
    JavaMigration[] javaMigrations() {
        return new JavaMigration[] {new RollupBackfillMigration()};
    }
}
