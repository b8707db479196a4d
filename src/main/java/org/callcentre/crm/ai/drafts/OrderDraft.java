package org.callcentre.crm.ai.drafts;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a call's transcript says an order should hold, each field with its evidence (null when the
 * call did not say), plus a short summary and the caller's mood. Always machine-generated: an
 * operator reviews and may change it before it becomes an order.
 *
 * @param visitDate local date-time {@code 2026-03-11T14:00}, or a date alone when no time was said
 * @param sentiment positive, neutral or negative
 * @param generator {@code rules} or {@code llm:<model>}
 */
@Serdeable
public record OrderDraft(DraftField city, DraftField address, DraftField equipmentType, DraftField problem,
                         DraftField visitDate, DraftField clientName, String summary, String sentiment,
                         String generator, boolean generated) {
}
