package org.callcentre.crm.ai.handoffs;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code entryId}: the entry the question becomes a variant of (raw JSON, so "7" and 7.5 are told
 * apart); {@code question}: the wording to add, the client's own when absent.
 */
@Serdeable
public record VariantRequest(@Schema(type = "integer") Object entryId, String question) {
}
