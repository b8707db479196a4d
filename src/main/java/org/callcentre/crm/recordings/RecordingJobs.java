package org.callcentre.crm.recordings;

import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.calls.ingest.CallProjection;
import org.callcentre.crm.jobs.CallJobQueue;

import java.util.List;

/**
 * Queues the fetch of a call's recording in the ingest transaction that learns of it, so that a
 * recording the PBX announced is never forgotten, however the process ends afterwards.
 */
@Singleton
class RecordingJobs implements CallProjection {
    private final CallJobQueue queue;

    RecordingJobs(CallJobQueue queue) {
        this.queue = queue;
    }

    @Override
    public int order() {
        return RECORDING_JOBS;
    }

    @Override
    public void project(List<CallChanged> changes) {
        List<Long> recorded = changes.stream().filter(c -> c.outcome().recordingRef() != null).map(CallChanged::callId).toList();
        if (!recorded.isEmpty()) {
            queue.enqueueAll(recorded, CallJobQueue.FETCH_RECORDING);
        }
    }
}
