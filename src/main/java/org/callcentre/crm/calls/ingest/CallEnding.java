package org.callcentre.crm.calls.ingest;

/** How a call or a leg ended, as far as the PBX told us. */
public enum CallEnding {
    /** Normal clearing after talking. */
    NORMAL,
    /** The caller hung up before anyone answered (in IVR, queue or while ringing). */
    CALLER_ABANDONED,
    /** Rang until a timeout, nobody picked up. */
    NO_ANSWER,
    /** Every operator was busy or the queue was full or timed out. */
    ALL_BUSY,
    /** The called party declined. */
    REJECTED,
    /** The called party was unreachable (offline, do-not-disturb). */
    UNAVAILABLE,
    /** The called party was busy. */
    BUSY,
    /** Congestion, invalid or unallocated number, server failure. */
    FAILED,
    /**
     * Gone when we looked again after not listening (a dropped AMI link, a restart): the leg is over,
     * but neither when nor how is known. The event's time is when we found out, not when it ended,
     * so a call whose end rests on such a leg has no known talk or hold.
     */
    LOST
}
