package org.callcentre.crm.jobs;

/** A failure that retrying cannot cure (no model, unreadable audio): the job is marked failed at once with this reason. */
public class PermanentJobFailure extends Exception {
    public PermanentJobFailure(String message) {
        super(message);
    }

    public PermanentJobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
