package org.callcentre.crm.jobs;

/** A job claimed by a worker; {@code attempts} counts this run. */
public record CallJob(long id, long callId, String kind, int attempts) {
}
