package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.callcentre.crm.operators.WorkStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An operator on break or offline is paused in every Asterisk queue ({@code QueuePause} on their
 * member interface, with the status as the reason), and unpaused on going back to work, so that
 * queues stop ringing phones nobody will pick up. Sent after the change is committed, from a
 * thread of its own: neither the request nor asterisk-java's threads wait for Asterisk.
 * While Asterisk is not connected the change is not sent.
 */
@Singleton
@Requires(beans = AmiConnector.class)
class AmiQueuePause {
    private static final Logger LOG = LoggerFactory.getLogger(AmiQueuePause.class);

    private final AmiConnector connector;
    private final AmiSettings settings;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "ami-queue-pause"));

    AmiQueuePause(AmiConnector connector, AmiSettings settings) {
        this.connector = connector;
        this.settings = settings;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void onWorkStatusChanged(WorkStatusChanged change) {
        if (change.sipAddress() != null) {
            sender.execute(() -> send(change));
        }
    }

    private void send(WorkStatusChanged change) {
        QueuePauseAction pause = new QueuePauseAction(settings.memberInterface(change.sipAddress()), !"working".equals(change.statusWork()));
        if (pause.getPaused()) {
            pause.setReason(change.statusWork());
        }
        try {
            connector.send(pause);
        } catch (AmiConnector.AmiUnavailable e) {
            LOG.warn("AMI: {} not {} in the queues: {}", pause.getInterface(), pause.getPaused() ? "paused" : "unpaused", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
