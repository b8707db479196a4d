package org.callcentre.crm.cluster;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which node holds the one connection to the PBX. Alone, this node always does. In a cluster it
 * does while it holds a PostgreSQL session advisory lock on a connection of its own: PostgreSQL
 * drops the lock the moment that session ends (the node died, was killed, or lost the network),
 * and another node, trying every {@code crm.cluster.check-interval}, takes it over. A leader that
 * can no longer reach PostgreSQL cannot know it still holds the lock, so it steps down at once:
 * two nodes never both listen to the PBX for longer than one check.
 */
@Singleton
public class Leadership implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
    /** The advisory lock's key: "crm-tele" in ASCII, so that it cannot clash with other applications' small numbers. */
    public static final long LOCK_KEY = 0x63726d2d74656c65L;

    private final ClusterSettings settings;
    private final ApplicationEventPublisher<LeadershipChanged> changes;
    private final ScheduledExecutorService checking = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "cluster-leadership"));
    private volatile boolean leader;
    /** Touched only on the checking thread. */
    private Connection session;

    Leadership(ClusterSettings settings, ApplicationEventPublisher<LeadershipChanged> changes) {
        this.settings = settings;
        this.changes = changes;
        this.leader = !settings.enabled();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.enabled()) {
            checking.scheduleWithFixedDelay(this::check, 0, settings.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public boolean isLeader() {
        return leader;
    }

    private void check() {
        try {
            if (session == null) {
                session = settings.openDedicated();
            }
            boolean holds = leader ? stillConnected() : tryLock();
            if (holds != leader) {
                become(holds);
            }
        } catch (SQLException | RuntimeException e) {
            closeSession();
            if (leader) {
                LOG.warn("Cluster: lost the leader's PostgreSQL session ({}); stepping down", e.toString());
                become(false);
            }
        }
    }

    private boolean tryLock() throws SQLException {
        try (Statement st = session.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private boolean stillConnected() throws SQLException {
        try (Statement st = session.createStatement()) {
            st.execute("SELECT 1");
            return true;
        }
    }

    private void become(boolean nowLeader) {
        leader = nowLeader;
        LOG.info("Cluster: node {} is {} the telephony leader", settings.nodeId(), nowLeader ? "now" : "no longer");
        try {
            changes.publishEvent(new LeadershipChanged(nowLeader));
        } catch (RuntimeException e) {
            LOG.error("Cluster: a listener failed on the leadership change: {}", e.toString());
        }
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            session = null;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        checking.shutdownNow();
        checking.awaitTermination(5, TimeUnit.SECONDS);
        // Closing the session releases the lock now rather than when PostgreSQL notices.
        closeSession();
    }
}
