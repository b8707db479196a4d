package org.callcentre.crm.stats;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Rebuilds the rollups at start when they were built with another time zone or other thresholds
 * than the configuration now gives (or nobody knows which): their days and service-level counts
 * would be wrong otherwise.
 */
@Singleton
class RollupSettingsCheck {
    private static final Logger LOG = LoggerFactory.getLogger(RollupSettingsCheck.class);

    private final Db db;
    private final StatsSettings settings;
    private final RollupRebuild rebuild;

    public RollupSettingsCheck(Db db, StatsSettings settings, RollupRebuild rebuild) {
        this.db = db;
        this.settings = settings;
        this.rebuild = rebuild;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        List<Object> configured = List.of(settings.defaultZone().getId(), settings.serviceLevelSeconds(), settings.shortAbandonSeconds());
        List<Object> built = db.queryOne("SELECT default_timezone, service_level_seconds, short_abandon_seconds FROM stats_rollup_settings",
                rs -> List.<Object>of(rs.getString(1), rs.getInt(2), rs.getInt(3))).orElse(List.of());
        if (!configured.equals(built)) {
            LOG.info("Rebuilding statistics rollups: built with {}, configured {}", built, configured);
            rebuild.rebuild();
        }
    }
}
