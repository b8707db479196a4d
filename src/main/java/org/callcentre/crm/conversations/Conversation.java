package org.callcentre.crm.conversations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A chat with a client on a marketplace. {@code status}: open (nobody needs to act), queued (waiting
 * for an operator since {@code queuedAt}, for {@code queueReason}), closed. {@code assigneeId}: the
 * operator who owns the chat (took it, or was given it), with their name in {@code assignee};
 * {@code sla}: its first-response and resolution deadlines and breaches.
 */
@Serdeable
public record Conversation(long id, String channel, long accountId, String externalChatId, @JsonIgnore Long cityId,
                           String city, String rk, String itemId, String adTitle, String clientPhone, Long clientId,
                           Long orderId, String status, String queueReason, Instant queuedAt, Instant lastMessageAt,
                           Instant createdAt, Long assigneeId, String assignee, Instant assignedAt, ChatSla sla) {
    public static final String OPEN = "open";
    public static final String QUEUED = "queued";
    public static final String CLOSED = "closed";
}
