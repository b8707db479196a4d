package org.callcentre.crm.ai.replies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An operator template: a ready reply for the chat reply box; {@code city} null serves every city. */
@Serdeable
public record ReplyTemplate(long id, String title, String text, @Nullable String city, @Nullable Long authorId,
                            Instant createdAt, Instant updatedAt) {
}
