package org.callcentre.crm.asr;

/** Published inside the transaction that stores a call's transcript, so that what is derived from it is written with it. */
public record TranscriptStored(long callId, String text) {
}
