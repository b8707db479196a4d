package org.callcentre.crm.conversations;

import java.time.Instant;

/**
 * A client's message as a channel adapter hands it in; {@code externalMessageId} makes redelivery harmless.
 * {@code imageUrl} is the marketplace's address of a picture the client sent (null for text), which
 * {@link ChatChannel#openImage} fetches again when an operator looks at it.
 */
public record IncomingMessage(long accountId, long cityId, String rk, String externalChatId, String itemId,
                              String externalMessageId, String text, String imageUrl, Instant sentAt) {
}
