package org.callcentre.loadtest;

/**
 * What one generated inbound call will do, before it is written as AMI events or Mango webhooks:
 * which extension rings, for how long, and whether the operator answers or the caller gives up.
 */
record PlannedCall(long sequence, String callerNumber, String extension, boolean operatorConnected, boolean answered,
                   long ringMillis, long talkMillis) {

    /** The final status the CRM must store for this call. */
    String finalStatus() {
        return answered ? "answered" : "missed";
    }
}
