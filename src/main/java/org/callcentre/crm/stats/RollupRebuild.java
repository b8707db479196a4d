package org.callcentre.crm.stats;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds every rollup afresh from calls, orders and the status history: the backfill of rows stored
 * before the rollups (or before a rollup was added), the rebuild when the settings they were built
 * with change, and the way to refill them after rows were loaded around the application (bulk
 * loads, the load-testing generator).
 */
@Singleton
public class RollupRebuild {
    private final Db db;
    private final StatsSettings settings;

    public RollupRebuild(Db db, StatsSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    @Transactional
    public void rebuild() {
        // rewrites every rollup: not held to a request's statement timeout
        db.update("SET LOCAL statement_timeout = 0");
        statements(settings).forEach(statement -> db.update(statement.text(), statement.paramArray()));
    }

    private static List<Sql> statements(StatsSettings settings) {
        List<Sql> statements = new ArrayList<>();
        List<String> tables = Stream.of(CallFacts.KEPT.tables(), OrderFacts.KEPT.tables(), StatusPieces.KIND.tables(),
                List.of("stats_status_applied", "stats_rollup_settings")).flatMap(List::stream).toList();
        statements.add(new Sql("TRUNCATE " + String.join(", ", tables)));
        statements.addAll(CallFacts.KEPT.rebuild(CallFacts.source(settings)));
        statements.addAll(OrderFacts.KEPT.rebuild(OrderFacts.SOURCE));
        statements.add(StatusPieces.countAllClosed(settings));
        statements.add(new Sql("INSERT INTO stats_rollup_settings (default_timezone, service_level_seconds, short_abandon_seconds) "
                + "VALUES (?, ?, ?)", settings.defaultZone().getId(), settings.serviceLevelSeconds(), settings.shortAbandonSeconds()));
        tables.forEach(table -> statements.add(new Sql("ANALYZE " + table)));
        return statements;
    }
}
