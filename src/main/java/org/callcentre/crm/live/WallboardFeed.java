package org.callcentre.crm.live;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.cluster.PeerMessage;
import org.callcentre.crm.conversations.ChatChanged;
import org.callcentre.crm.operators.WorkStatusChanged;
import org.callcentre.crm.stats.RollupsChanged;
import org.callcentre.crm.stats.Wallboard;
import org.callcentre.crm.stats.WallboardService;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pushes the wallboard to supervisors after every committed change of calls, orders or work
 * statuses, at most one push per {@link #MIN_GAP}: changes that come faster are taken in by the
 * next push, which reads the board when it runs. Boards are read and sent on the live-push thread.
 * The board is read once more {@link #REFRESH} after it moved, and pushed if it moved again: that
 * catches presence changes queued after the push (presence hears of the same commits, in an order
 * nobody fixes) and a board that changes with time alone — a call waiting, a wrap-up running out.
 */
@Singleton
class WallboardFeed {
    static final Duration MIN_GAP = Duration.ofMillis(250);
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final WallboardService boards;
    private final LiveSockets sockets;
    private final LivePushQueue queue;
    private final TaskScheduler scheduler;
    private final AtomicBoolean pushPending = new AtomicBoolean();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private volatile long lastPushNanos = System.nanoTime() - MIN_GAP.toNanos();
    /** Touched only on the live-push thread. */
    private Wallboard lastSent;

    public WallboardFeed(WallboardService boards, LiveSockets sockets, LivePushQueue queue, TaskScheduler scheduler) {
        this.boards = boards;
        this.sockets = sockets;
        this.queue = queue;
        this.scheduler = scheduler;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCallChanged(CallChanged change) {
        changed();
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onWorkStatusChanged(WorkStatusChanged change) {
        changed();
    }

    /** A chat queued, taken or overdue moves the chat counts. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onChatChanged(ChatChanged change) {
        changed();
    }

    /** Orders move today's figures too. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onRollupsChanged(RollupsChanged change) {
        changed();
    }

    /** Whatever another node committed may move the board: it is read afresh here, throttled as ever. */
    @EventListener
    void onPeerMessage(PeerMessage message) {
        changed();
    }

    private void changed() {
        if (sockets.hasSupervisors() && pushPending.compareAndSet(false, true)) {
            long sinceLast = System.nanoTime() - lastPushNanos;
            Duration wait = Duration.ofNanos(Math.max(0, MIN_GAP.toNanos() - sinceLast));
            scheduler.schedule(wait, () -> queue.submit("wallboard", this::push));
        }
    }

    private void push() {
        pushPending.set(false);
        if (!sockets.hasSupervisors()) {
            lastSent = null;
            return;
        }
        lastPushNanos = System.nanoTime();
        Wallboard board = boards.snapshot();
        boolean moved = !board.sameFiguresAs(lastSent);
        if (moved) {
            sockets.toSupervisors(board);
            lastSent = board;
        }
        if (moved || board.callsWaiting() > 0 || board.operatorsByState().get("wrap_up") > 0) {
            refreshLater();
        }
    }

    private void refreshLater() {
        if (refreshPending.compareAndSet(false, true)) {
            scheduler.schedule(REFRESH, () -> {
                refreshPending.set(false);
                changed();
            });
        }
    }
}
