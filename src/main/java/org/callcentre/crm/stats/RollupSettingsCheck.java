package org.callcentre.crm.stats;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * Rebuilds the rollups at start when they were built with another time zone or other thresholds
 * than the configuration now gives (or nobody knows which): their days and service-level counts
 * would be wrong otherwise. Only the emptying happens before the service listens; the counting is
 * online ({@link RollupRecount}), minutes at 10 M calls during which the figures grow to their
 * totals. Without a rebuild, a city recount a stop cut short is taken up.
 */
@Singleton
class RollupSettingsCheck {
    private static final Logger LOG = LoggerFactory.getLogger(RollupSettingsCheck.class);

    private final Db db;
    private final TransactionOperations<Connection> transactions;
    private final StatsSettings settings;
    private final RollupRecount recount;

    public RollupSettingsCheck(Db db, TransactionOperations<Connection> transactions, StatsSettings settings, RollupRecount recount) {
        this.db = db;
        this.transactions = transactions;
        this.settings = settings;
        this.recount = recount;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Instant begun = Instant.now();
        boolean emptied = transactions.executeWrite(status -> {
            List<Object> configured = List.of(settings.defaultZone().getId(), settings.serviceLevelSeconds(), settings.shortAbandonSeconds());
            List<Object> built = db.queryOne("SELECT default_timezone, service_level_seconds, short_abandon_seconds FROM stats_rollup_settings",
                    rs -> List.<Object>of(rs.getString(1), rs.getInt(2), rs.getInt(3))).orElse(List.of());
            if (configured.equals(built)) {
                return false;
            }
            LOG.info("Rebuilding statistics rollups: built with {}, configured {}", built, configured);
            db.update("TRUNCATE " + String.join(", ", RollupRecount.tables()));
            return true;
        });
        if (emptied) {
            recount.rebuildAll(begun);
        } else {
            recount.recountPendingCities();
        }
    }
}
