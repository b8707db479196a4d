package org.callcentre.crm.knowledge;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An entry that may answer a question. {@code confidence} (0..1) says how much of the question the
 * entry's closest variant covers and how much of that variant the question covers, weighted by how
 * rare each term is in the knowledge base; ratings of past answers move it by up to a fifth.
 */
@Serdeable
public record Candidate(long entryId, String category, String title, String answer, String city, double confidence,
                        String matchedQuestion) {
}
