package org.callcentre.crm.conversations;

import java.io.InputStream;

/**
 * Where replies go out: the marketplace's messenger. The adapter (Avito) implements it, so the
 * conversation domain never learns a vendor's endpoints.
 */
public interface ChatChannel {

    /** Sends {@code text} into the chat and returns the marketplace's id for the message. */
    String send(Conversation conversation, String text) throws ChatDeliveryException;

    /**
     * Opens a picture a client sent, from the address stored with the message, as a stream the caller
     * closes. The adapter fetches only from the marketplace's image hosts, only images, and stops the
     * stream past its size cap; anything else is refused with the reason.
     */
    ChatImage openImage(String imageUrl) throws ChatImageRefused;

    /** A picture on its way: {@code length} is -1 when the marketplace did not say. */
    record ChatImage(InputStream body, String contentType, long length) {
    }

    /** A picture the service will not pass on. */
    class ChatImageRefused extends Exception {
        /** Why: the host is not one of the marketplace's image hosts; or the marketplace's answer was refused. */
        public enum Reason { HOST_NOT_ALLOWED, NOT_AN_IMAGE, TOO_LARGE, UNREACHABLE }

        private final Reason reason;

        public ChatImageRefused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

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
