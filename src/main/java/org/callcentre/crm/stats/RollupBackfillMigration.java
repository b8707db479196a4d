package org.callcentre.crm.stats;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Migration V81: fills the rollups of V80 from the calls, orders and status history already
 * stored. A Java migration because the rollups depend on the configured time zone and thresholds,
 * and so that the backfill runs the very statements the application rebuilds them with.
 */
final class RollupBackfillMigration implements JavaMigration {
    private final StatsSettings settings;

    RollupBackfillMigration(StatsSettings settings) {
        this.settings = settings;
    }

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
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (Sql statement : RollupRebuild.statements(settings)) {
            try (PreparedStatement ps = connection.prepareStatement(statement.text())) {
                for (int i = 0; i < statement.params().size(); i++) {
                    Object value = statement.params().get(i);
                    ps.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
                }
                ps.execute();
            }
        }
    }
}
