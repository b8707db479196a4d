package org.callcentre.crm.jobs;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** What a call's background job is doing, as operators see it: queued, running, done, or failed with the reason. */
@Serdeable
public record CallJobStatus(String kind, String status, int attempts, Instant runAfter, String lastError, Instant updatedAt) {

    /**
     * As anyone but an admin sees it: a plain reason in place of the worker's error, which can hold file paths,
     * hosts and the PBX's answers.
     */
    public CallJobStatus withPlainReason() {
        if (lastError == null) {
            return this;
        }
        String what = CallJobQueue.FETCH_RECORDING.equals(kind) ? "The recording could not be fetched"
                : "The recording could not be transcribed";
        return new CallJobStatus(kind, status, attempts, runAfter, what + "; an administrator can see why", updatedAt);
    }
}
