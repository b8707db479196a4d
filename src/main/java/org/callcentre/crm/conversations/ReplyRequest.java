package org.callcentre.crm.conversations;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record ReplyRequest(String text) {
}
