package org.callcentre.crm.conversations;

/**
 * Something the chat statistics count changed in this chat — a message stored, a round begun, answered,
 * closed or overdue; published inside the transaction that changed it, so that the rollups commit with it.
 */
public record ChatFiguresChanged(long conversationId) {
}
