package org.callcentre.crm.stats;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration V81, "backfill stats rollups". It filled the rollups of V80 from the rows already
 * stored. Since V100 added a rollup that does not exist yet when V81 runs, the backfill is the
 * rebuild at start instead ({@link RollupSettingsCheck}: V80 leaves {@code stats_rollup_settings}
 * empty and V100 empties it, so the application rebuilds every rollup before it serves). The
 * migration stays, doing nothing, because databases that ran it have it in their history.
 */
final class RollupBackfillMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("81");
    }

    @Override
    public String getDescription() {
        return "backfill stats rollups";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        // the rebuild at start is the backfill (see above)
    }
}
