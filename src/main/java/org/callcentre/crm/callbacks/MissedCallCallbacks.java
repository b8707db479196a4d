package org.callcentre.crm.callbacks;

import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.calls.ingest.CallOutcome;
import org.callcentre.crm.calls.ingest.CallProjection;

import java.util.List;

/**
 * Keeps callback tasks in step with ingested calls, inside the ingest transaction: a missed
 * inbound call opens (or adds to) its client's task; an answered call with that client closes it.
 */
@Singleton
public class MissedCallCallbacks implements CallProjection {
    private final CallbackRepository callbacks;

    public MissedCallCallbacks(CallbackRepository callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public int order() {
        return CALLBACKS;
    }

    /** Only ended calls with a client touch a task; calls still ringing (most of a busy batch) cost nothing. */
    @Override
    public void project(List<CallChanged> changes) {
        changes.forEach(this::apply);
    }

    private void apply(CallChanged change) {
        CallOutcome outcome = change.outcome();
        Long clientId = change.links().clientId();
        if (clientId == null || !outcome.ended()) {
            return;
        }
        if ("answered".equals(outcome.status())) {
            callbacks.closeByCall(clientId, change.callId(), outcome.createdAt());
        } else if ("inbound".equals(outcome.direction()) && !"answered".equals(outcome.status())) {
            recordMissed(clientId, change, outcome);
        }
    }

    private void recordMissed(long clientId, CallChanged change, CallOutcome outcome) {
        // Events may arrive late: a missed call older than an answered one needs no call back.
        if (callbacks.answeredCallSince(clientId, outcome.createdAt())) {
            return;
        }
        long taskId = callbacks.openTaskOf(clientId)
                .or(() -> callbacks.open(clientId, change.links().clientPhone(), change.links().cityId(), change.callId(), outcome.createdAt()))
                .or(() -> callbacks.openTaskOf(clientId))
                .orElseThrow(() -> new IllegalStateException("no open callback task for client " + clientId));
        if (callbacks.countCall(taskId, change.callId())) {
            callbacks.recordMissedCall(taskId, change.callId(), outcome.createdAt());
        }
    }
}
