package org.callcentre.crm.shared;

/**
 * How far the read replica has caught up with the primary, in WAL positions (bytes since 0/0). With no
 * replica configured every write is at once "replayed": nothing waits for one.
 */
public interface ReplicaPosition {

    /** Whether a read replica is configured at all. */
    boolean configured();

    /** Whether reads may go to the replica now: one is configured, it answers and it is not too far behind. */
    boolean usable();

    /** The primary's WAL position now: a change committed before this call is at or below it. 0 with no replica. */
    long primaryPosition();

    /** The position the replica has replayed up to, read from it now; {@link Long#MAX_VALUE} with no replica. */
    long replayedPosition();

    /** Whether the replica has replayed up to {@code position}, asking it only when the last answer was behind. */
    boolean replayed(long position);
}
