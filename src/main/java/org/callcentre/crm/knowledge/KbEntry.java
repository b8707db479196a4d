package org.callcentre.crm.knowledge;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A knowledge-base entry as the API shows it; {@code city} null means every city. */
@Serdeable
public record KbEntry(long id, String category, String title, List<String> questions, String answer, String city,
                      Long authorId, Instant createdAt, Instant updatedAt) {
}
