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

    public void ordersChanged(Collection<Long> orderIds) {
        run(OrderFacts.KEPT.refresh(OrderFacts.SOURCE, orderIds));
    }

    /**
     * Calls, orders, chats and rounds that were deleted: what their facts added is taken back, and the facts go too. The
     * refresh finds no source row for them, so the days that move are the ones their facts held, read first.
     */
    public void removed(CountedRowsRemoved removed) {
        Set<LocalDate> days = new HashSet<>(factDays(CallFacts.KEPT, removed.callIds()));
        days.addAll(factDays(OrderFacts.KEPT, removed.orderIds()));
        days.addAll(factDays(ChatFacts.CHATS, removed.conversationIds()));
        days.addAll(factDays(ChatFacts.ROUNDS, removed.roundIds()));
        callsChanged(removed.callIds());
        ordersChanged(removed.orderIds());
        run(ChatFacts.CHATS.refresh(ChatFacts.chatSource(settings), removed.conversationIds()));
        run(ChatFacts.ROUNDS.refresh(ChatFacts.roundSource(settings), removed.roundIds()));
        forget(CallFacts.KEPT, removed.callIds());
        forget(OrderFacts.KEPT, removed.orderIds());
        forget(ChatFacts.CHATS, removed.conversationIds());
        forget(ChatFacts.ROUNDS, removed.roundIds());
        if (!days.isEmpty()) {
            changes.publishEvent(new RollupsChanged(days));
        }
    }

    private List<LocalDate> factDays(KeptFacts facts, Collection<Long> ids) {
        return db.query("SELECT DISTINCT day FROM " + facts.table() + " WHERE " + facts.idColumn() + " = ANY(CAST(? AS bigint[]))",
                rs -> rs.getObject(1, LocalDate.class), ids);
    }

    private void forget(KeptFacts facts, Collection<Long> ids) {
        db.update("DELETE FROM " + facts.table() + " WHERE " + facts.idColumn() + " = ANY(CAST(? AS bigint[]))", ids);
    }

    /**
     * The facts of these chats and of all their rounds: two statements, whatever the number of chats.
     * A round changes only with its chat (in the same transaction), so its chat's id finds it.
     */
    public void chatsChanged(Collection<Long> conversationIds) {
        List<Long> sorted = conversationIds.stream().sorted().distinct().toList();
        run(ChatFacts.CHATS.refresh(ChatFacts.chatSource(settings), sorted));
        List<Long> rounds = db.query("SELECT id FROM chat_rounds WHERE conversation_id = ANY (?::bigint[]) ORDER BY id",
                rs -> rs.getLong(1), sorted);
        if (!rounds.isEmpty()) {
            run(ChatFacts.ROUNDS.refresh(ChatFacts.roundSource(settings), rounds));
        }
    }

    public void statusPeriodsClosed(long operatorId) {
        lock(StatusPieces.lockOperators(List.of(operatorId)));
        run(StatusPieces.countClosed(settings, operatorId));
    }

    /** The work-status part of a city's zone change, in the transaction that changes it (see {@link StatusPieces#recountCity}). */
    public void cityZoneChanged(long cityId, String previousZone) {
        lock(StatusPieces.lockOperators(db.query("SELECT id FROM operators WHERE city_id = ?", rs -> rs.getLong(1), cityId)));
        run(StatusPieces.recountCity(settings, cityId, previousZone));
    }

    private void lock(Sql statement) {
        db.query(statement.text(), rs -> 1, statement.paramArray());
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
