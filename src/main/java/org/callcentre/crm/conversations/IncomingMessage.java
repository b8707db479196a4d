package org.callcentre.crm.conversations;

import java.time.Instant;

/** A client's message as a channel adapter hands it in; {@code externalMessageId} makes redelivery harmless. */
public record IncomingMessage(long accountId, long cityId, String rk, String externalChatId, String itemId,
                              String externalMessageId, String text, Instant sentAt) {
}
