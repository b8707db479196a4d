package org.callcentre.crm.recordings;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.jobs.CallJobQueue;

/**
 * Queues the fetch of a call's recording in the ingest transaction that learns of it, so that a
 * recording the PBX announced is never forgotten, however the process ends afterwards.
 */
@Singleton
class RecordingJobs {
    private final CallJobQueue queue;

    RecordingJobs(CallJobQueue queue) {
        this.queue = queue;
    }

    @EventListener
    void onCallChanged(CallChanged change) {
        if (change.outcome().recordingRef() != null) {
            queue.enqueue(change.callId(), CallJobQueue.FETCH_RECORDING);
        }
    }
}
