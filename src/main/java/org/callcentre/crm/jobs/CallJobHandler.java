package org.callcentre.crm.jobs;

/** Does one kind of call job. Any exception is a failed attempt, retried with backoff unless it is a {@link PermanentJobFailure}. */
public interface CallJobHandler {
    String kind();

    void run(long callId) throws Exception;
}
