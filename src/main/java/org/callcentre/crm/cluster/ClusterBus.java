package org.callcentre.crm.cluster;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Tells the other nodes on the same PostgreSQL that something they may show or cache moved, with
 * PostgreSQL's LISTEN/NOTIFY on channel {@value #CHANNEL}. A message is sent inside the
 * transaction that made the change, so PostgreSQL delivers it when (and only if) that commits,
 * and the receivers read committed rows. Messages are small (ids, days): well under NOTIFY's
 * 8 000 bytes. Each node listens on a connection of its own and hands what others sent to its
 * local listeners as {@link PeerMessage}. A single node ({@code crm.cluster.enabled} false) sends
 * and listens to nothing.
 */
@Singleton
public class ClusterBus implements ApplicationEventListener<StartupEvent> {
    static final String CHANNEL = "crm_cluster";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterBus.class);

    private final ClusterSettings settings;
    private final Db db;
    private final ObjectMapper json;
    private final ApplicationEventPublisher<PeerMessage> peers;
    private final ExecutorService listening = Executors.newSingleThreadExecutor(r -> new Thread(r, "cluster-listen"));
    private volatile boolean stopping;

    @Serdeable
    record Envelope(String node, String topic, String body) {
    }

    ClusterBus(ClusterSettings settings, Db db, ObjectMapper json, ApplicationEventPublisher<PeerMessage> peers) {
        this.settings = settings;
        this.db = db;
        this.json = json;
        this.peers = peers;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.enabled()) {
            listening.execute(this::listen);
        }
    }

    /** Inside the transaction whose commit the other nodes must hear of. */
    public void publish(String topic, Object body) {
        if (!settings.enabled()) {
            return;
        }
        String payload = write(new Envelope(settings.nodeId(), topic, write(body)));
        db.query("SELECT pg_notify(?, ?)", rs -> 1, CHANNEL, payload);
    }

    public <T> T read(PeerMessage message, Class<T> type) {
        try {
            return json.readValue(message.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void listen() {
        boolean first = true;
        while (!stopping) {
            try (Connection connection = settings.openDedicated()) {
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    LOG.info("Cluster: listening again; whatever was sent meanwhile is re-read");
                    deliver(new PeerMessage(PeerMessage.RESYNC, "{}"));
                }
                first = false;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] notifications = pg.getNotifications((int) settings.checkInterval().toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            receive(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopping) {
                    LOG.warn("Cluster: listening connection lost ({}), reconnecting", e.toString());
                    pause();
                }
            }
        }
    }

    private void receive(String payload) {
        Envelope envelope;
        try {
            envelope = json.readValue(payload, Envelope.class);
        } catch (IOException e) {
            LOG.warn("Cluster: unreadable message on {}: {}", CHANNEL, e.getMessage());
            return;
        }
        if (!settings.nodeId().equals(envelope.node())) {
            deliver(new PeerMessage(envelope.topic(), envelope.body()));
        }
    }

    private void deliver(PeerMessage message) {
        try {
            peers.publishEvent(message);
        } catch (RuntimeException e) {
            // one listener's failure must not stop this node hearing the others
            LOG.warn("Cluster: handling {} failed: {}", message.topic(), e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings.checkInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        listening.shutdownNow();
        listening.awaitTermination(5, TimeUnit.SECONDS);
    }
}
