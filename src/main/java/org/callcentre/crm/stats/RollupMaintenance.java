package org.callcentre.crm.stats;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.CallAnnotated;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.calls.ingest.CallProjection;
import org.callcentre.crm.cities.CityTimeZoneChanged;
import org.callcentre.crm.conversations.ChatFiguresChanged;
import org.callcentre.crm.operators.WorkStatusChanged;
import org.callcentre.crm.orders.OrderChanged;

import java.util.List;

/**
 * Hears of every change to calls (ingested, or a disposition picked), orders, chats and work statuses inside the transaction that makes it,
 * so that a figure and its rollup are committed (or rolled back) together.
 */
@Singleton
class RollupMaintenance implements CallProjection {
    private final RollupWriter rollups;
    private final RollupRecount recount;

    public RollupMaintenance(RollupWriter rollups, RollupRecount recount) {
        this.rollups = rollups;
        this.recount = recount;
    }

    @Override
    public int order() {
        return ROLLUPS;
    }

    /** One statement for the batch's calls: their facts, then every rollup, each in key order. */
    @Override
    public void project(List<CallChanged> changes) {
        rollups.callsChanged(changes.stream().map(CallChanged::callId).toList());
    }

    @EventListener
    void onCallAnnotated(CallAnnotated change) {
        rollups.callsChanged(List.of(change.callId()));
    }

    @EventListener
    void onRemoved(CountedRowsRemoved removed) {
        rollups.removed(removed);
    }

    @EventListener
    void onOrderChanged(OrderChanged change) {
        rollups.ordersChanged(List.of(change.orderId()));
    }

    @EventListener
    void onChatFiguresChanged(ChatFiguresChanged change) {
        rollups.chatsChanged(List.of(change.conversationId()));
    }

    /**
     * The city's work-status time moves to its new local hours in this transaction (it is small);
     * its calls and orders are owed a recount, done online once the change committed.
     */
    @EventListener
    void onCityTimeZoneChanged(CityTimeZoneChanged change) {
        rollups.cityZoneChanged(change.cityId(), change.previousZone());
        recount.owe(change.cityId());
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void afterCityTimeZoneChanged(CityTimeZoneChanged change) {
        recount.recountPendingCities();
    }

    @EventListener
    void onWorkStatusChanged(WorkStatusChanged change) {
        rollups.statusPeriodsClosed(change.operatorId());
    }
}
