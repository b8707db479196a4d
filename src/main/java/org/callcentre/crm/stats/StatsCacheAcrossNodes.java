package org.callcentre.crm.stats;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.callcentre.crm.cluster.ClusterBus;
import org.callcentre.crm.cluster.PeerMessage;

import java.time.LocalDate;
import java.util.Set;

/**
 * Keeps every node's {@link StatsCache} as fresh as the writer's: the days a rollup change touched
 * go to the other nodes with the transaction's commit, and they drop their answers for those days.
 */
@Singleton
class StatsCacheAcrossNodes {
    private final ClusterBus bus;
    private final StatsCache cache;

    StatsCacheAcrossNodes(ClusterBus bus, StatsCache cache) {
        this.bus = bus;
        this.cache = cache;
    }

    @Serdeable
    record ChangedDays(Set<LocalDate> days) {
        static final String TOPIC = "rollups";
    }

    /** In the transaction that changes rollups. */
    @EventListener
    void onRollupsChanged(RollupsChanged change) {
        bus.publish(ChangedDays.TOPIC, new ChangedDays(change.days()));
    }

    @EventListener
    void onPeerMessage(PeerMessage message) {
        if (ChangedDays.TOPIC.equals(message.topic())) {
            cache.changedElsewhere(bus.read(message, ChangedDays.class).days());
        } else if (PeerMessage.RESYNC.equals(message.topic())) {
            cache.dropAll();
        }
    }
}
