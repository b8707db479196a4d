package org.callcentre.crm.conversations;

/** A new client message was stored; published inside the transaction that stored it. */
public record ClientMessageReceived(long conversationId, long messageId, boolean newConversation) {
}
