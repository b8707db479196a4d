package org.callcentre.crm.calls.ingest;

/** The vendor-neutral moments of a call. */
public enum CallEventKind {
    /** The call appeared at the PBX (trunk channel, IVR, queue); no operator involved yet. */
    STARTED,
    /** An operator's extension is ringing: the screen-pop moment. */
    RINGING,
    /** A leg was answered; with an extension, that operator is now talking. */
    ANSWERED,
    HELD,
    RESUMED,
    /** The call moved to another extension (blind or attended transfer). */
    TRANSFERRED,
    /** A leg (with a leg id) or the whole call (without one) ended. */
    ENDED,
    /** The PBX's closing account of the whole call (Mango summary, Asterisk CDR): figures to trust. */
    SUMMARY,
    RECORDING_READY,
    /**
     * An operator's phone joined the conversation (entered its bridge) with no dial answer naming it,
     * as after a pickup. Weaker than {@link #ANSWERED}: it names the operator only when no answer does.
     */
    JOINED
}
