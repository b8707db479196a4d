package org.callcentre.crm.conversations;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One message of a conversation. {@code deliveryStatus}: received (from the client), pending, sent,
 * failed; a failed message with {@code nextAttemptAt} is tried again then, without it was given up.
 * {@code image}: the client sent a picture, served by {@code GET /api/conversations/{id}/messages/{messageId}/image}.
 */
@Serdeable
public record Message(long id, long conversationId, String sender, Long operatorId, String text, String externalId,
                      String deliveryStatus, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt,
                      Instant createdAt, boolean image) {
    public static final String CLIENT = "client";
    public static final String OPERATOR = "operator";
    public static final String AI = "ai";
    public static final String SYSTEM = "system";
    public static final String RECEIVED = "received";
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
}
