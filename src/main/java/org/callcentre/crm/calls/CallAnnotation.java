package org.callcentre.crm.calls;

import io.micronaut.serde.annotation.Serdeable;

/** What an operator writes about a call after it; an absent field keeps its value, a blank one clears it. */
@Serdeable
public record CallAnnotation(String disposition, String note) {
}
