package org.callcentre.crm.calls;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What an operator records about a call after it: the disposition picked from the admins' list
 * (an answered call only), and a note. An absent field keeps its value; a blank note clears it.
 */
@Serdeable
public record CallAnnotation(Long dispositionId, String note) {
}
