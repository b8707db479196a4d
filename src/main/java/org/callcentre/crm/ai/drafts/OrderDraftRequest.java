package org.callcentre.crm.ai.drafts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/ai/order-draft}: a transcript, and optionally the call's city and time (ISO, with offset). */
@Serdeable
public record OrderDraftRequest(String text, String city, String callTime) {
}
