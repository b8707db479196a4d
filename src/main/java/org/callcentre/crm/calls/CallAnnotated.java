package org.callcentre.crm.calls;

/**
 * A call's disposition was picked or changed. Published inside the transaction that wrote it, so
 * that the statistics by disposition commit or roll back with it.
 */
public record CallAnnotated(long callId) {
}
