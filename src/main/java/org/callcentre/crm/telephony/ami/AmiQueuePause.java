package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.callcentre.crm.operators.WorkStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An operator on break or offline is paused in every Asterisk queue ({@code QueuePause} on their
 * member interface, with the status as the reason), and unpaused on going back to work, so that
 * queues stop ringing phones nobody will pick up. Sent after the change is committed, from a
 * thread of its own: neither the request nor asterisk-java's threads wait for Asterisk.
 * While Asterisk is not connected the change is not sent; after a reconnect every operator on
 * break or offline is paused again, as Asterisk may have restarted meanwhile and forgotten them.
 */
@Singleton
@Requires(beans = AmiConnector.class)
class AmiQueuePause {
    private static final Logger LOG = LoggerFactory.getLogger(AmiQueuePause.class);

    private final AmiConnector connector;
    private final AmiSettings settings;
    private final AmiPausedMembers pausedMembers;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "ami-queue-pause"));

    AmiQueuePause(AmiConnector connector, AmiSettings settings, AmiPausedMembers pausedMembers) {
        this.connector = connector;
        this.settings = settings;
        this.pausedMembers = pausedMembers;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void onWorkStatusChanged(WorkStatusChanged change) {
        if (change.sipAddress() != null) {
            sender.execute(() -> send(change));
        }
    }

    @EventListener
    void onOutageOver(AmiOutage outage) {
        sender.execute(this::pauseAgain);
    }

    private void pauseAgain() {
        try {
            List<WorkStatusChanged> away = pausedMembers.all();
            away.forEach(this::send);
            LOG.info("AMI: {} operator(s) on break or offline paused again after the reconnect", away.size());
        } catch (RuntimeException e) {
            LOG.error("AMI: operators on break or offline not paused again after the reconnect: {}", e.toString());
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
