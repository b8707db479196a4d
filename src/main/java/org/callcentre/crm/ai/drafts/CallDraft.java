package org.callcentre.crm.ai.drafts;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A call's generated draft, and the order made from it once accepted. */
@Serdeable
public record CallDraft(long callId, OrderDraft draft, Long orderId, Instant createdAt) {
}
