package org.callcentre.crm.ai.handoffs;

import io.micronaut.serde.annotation.Serdeable;
import org.callcentre.crm.knowledge.KbEntry;

/** The hand-off now closed and the entry with its new variant. */
@Serdeable
public record VariantAdded(long answerId, String question, KbEntry entry) {
}
