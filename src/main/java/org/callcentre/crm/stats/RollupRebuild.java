package org.callcentre.crm.stats;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds every rollup afresh from calls, orders and the status history in one transaction, by
 * set-based {@code INSERT … SELECT … GROUP BY} statements, holding the rollups exclusively while it
 * runs. The service rebuilds online instead ({@link RollupSettingsCheck}, {@link RollupRecount}),
 * through the incremental refresh; this second, independent way of counting the same figures is
 * what the tests hold the incremental and online counts to.
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
        List<String> tables = RollupRecount.tables();
        statements.add(new Sql("TRUNCATE " + String.join(", ", tables)));
        statements.addAll(CallFacts.KEPT.rebuild(CallFacts.source(settings)));
        statements.addAll(OrderFacts.KEPT.rebuild(OrderFacts.SOURCE));
        statements.addAll(ChatFacts.CHATS.rebuild(ChatFacts.chatSource(settings)));
        statements.addAll(ChatFacts.ROUNDS.rebuild(ChatFacts.roundSource(settings)));
        statements.add(StatusPieces.countAllClosed(settings));
        statements.add(new Sql("INSERT INTO stats_rollup_settings (default_timezone, service_level_seconds, short_abandon_seconds) "
                + "VALUES (?, ?, ?)", settings.defaultZone().getId(), settings.serviceLevelSeconds(), settings.shortAbandonSeconds()));
        tables.forEach(table -> statements.add(new Sql("ANALYZE " + table)));
        return statements;
    }
}
