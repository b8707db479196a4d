package org.callcentre.crm.conversations;

/**
 * Where replies go out: the marketplace's messenger. The adapter (Avito) implements it, so the
 * conversation domain never learns a vendor's endpoints.
 */
public interface ChatChannel {

    /** Sends {@code text} into the chat and returns the marketplace's id for the message. */
    String send(Conversation conversation, String text) throws ChatDeliveryException;

    /** A send the marketplace refused or that did not reach it; the message says which. */
    class ChatDeliveryException extends Exception {
        public ChatDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }

        public ChatDeliveryException(String message) {
            super(message);
        }
    }
}
