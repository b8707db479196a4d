package org.callcentre.crm.stats;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Keeps the rollups in step with their sources, each change in the caller's transaction. */
@Singleton
class RollupWriter {
    private final Db db;
    private final StatsSettings settings;
    private final ApplicationEventPublisher<RollupsChanged> changes;

    public RollupWriter(Db db, StatsSettings settings, ApplicationEventPublisher<RollupsChanged> changes) {
        this.db = db;
        this.settings = settings;
        this.changes = changes;
    }

    /** One statement for the whole set of calls, whatever its size. */
    public void callsChanged(Collection<Long> callIds) {
        run(CallFacts.KEPT.refresh(CallFacts.source(settings), callIds));
    }

    public void orderChanged(long orderId) {
        run(OrderFacts.KEPT.refresh(OrderFacts.SOURCE, List.of(orderId)));
    }

    public void statusPeriodsClosed(long operatorId) {
        run(StatusPieces.countClosed(settings, operatorId));
    }

    private void run(Sql statement) {
        List<LocalDate> moved = db.query(statement.text(), rs -> rs.getObject(1, LocalDate.class), statement.paramArray());
        Set<LocalDate> days = new HashSet<>(moved);
        days.remove(null);
        if (!days.isEmpty()) {
            changes.publishEvent(new RollupsChanged(days));
        }
    }
}
