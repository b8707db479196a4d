package org.callcentre.crm.knowledge;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A question a client asked and the answer given. Linked to an entry, its question becomes one
 * more variant of that entry in retrieval.
 */
@Serdeable
public record TrainingPair(long id, String question, String answer, String source, Long entryId, String city,
                           Long conversationId, Long authorId, Instant createdAt) {
    public static final List<String> SOURCES = List.of("manual", "faq", "operator_reply", "call_transcript");
}
