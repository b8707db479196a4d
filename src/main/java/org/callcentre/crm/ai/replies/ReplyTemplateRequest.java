package org.callcentre.crm.ai.replies;

import io.micronaut.serde.annotation.Serdeable;

/** A template to create, or the fields to change (absent: kept; {@code city} "": every city). */
@Serdeable
public record ReplyTemplateRequest(String title, String text, String city) {
}
