package org.callcentre.crm.ai.drafts;

import io.micronaut.serde.annotation.Serdeable;

/** One field of a draft and the words of the transcript it was read from. */
@Serdeable
public record DraftField(String value, String evidence) {
}
