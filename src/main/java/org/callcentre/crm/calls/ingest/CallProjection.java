package org.callcentre.crm.calls.ingest;

import java.util.List;

/**
 * Something kept in step with calls inside the ingest transaction (statistics rollups, callback
 * tasks, recording jobs, the notice to other nodes), so that it commits or rolls back with the call
 * rows. The ingest runs every projection once per batch, in the order of {@link #order()} (then by
 * class name), each given every changed call of the batch sorted by call id: a projection that
 * writes its rows in that order, in one set-based statement, can neither deadlock with another
 * batch nor cost a statement per call.
 *
 * <p>Declared order (lowest first): {@link #ROLLUPS}, {@link #CALLBACKS}, {@link #RECORDING_JOBS},
 * {@link #PEERS}. New projections pick a free number and say why it goes there.
 */
public interface CallProjection {
    int ROLLUPS = 100;
    int CALLBACKS = 200;
    int RECORDING_JOBS = 300;
    /** Last: other nodes are told of the batch once everything it changed is written. */
    int PEERS = 1000;

    int order();

    /** @param changes the batch's changed calls, sorted by call id, never empty */
    void project(List<CallChanged> changes);
}
