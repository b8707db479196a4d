package org.callcentre.crm.conversations;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.conversations.ChatChannel.ChatImage;
import org.callcentre.crm.conversations.ChatChannel.ChatImageRefused;
import org.callcentre.crm.shared.ApiException;

import java.util.Map;

/**
 * Clients' pictures through the service's own origin (the content-security policy lets the browser load
 * no other): the chat's city rules decide who sees it, the channel adapter fetches it. The address is
 * read in a short transaction of its own; no database connection is held while the picture streams.
 */
@Singleton
class ChatImageProxy {
    private final ConversationService conversations;
    private final ChatChannel channel;

    ChatImageProxy(ConversationService conversations, ChatChannel channel) {
        this.conversations = conversations;
        this.channel = channel;
    }

    /** 403 for a host that is not the marketplace's, 502 for an answer that is no image, too large or none. */
    ChatImage open(long conversationId, long messageId, Actor actor) {
        String url = conversations.imageUrl(conversationId, messageId, actor);
        try {
            return channel.openImage(url);
        } catch (ChatImageRefused refused) {
            HttpStatus status = refused.reason() == ChatImageRefused.Reason.HOST_NOT_ALLOWED ? HttpStatus.FORBIDDEN : HttpStatus.BAD_GATEWAY;
            String code = status == HttpStatus.FORBIDDEN ? "image_host_not_allowed" : "image_refused";
            throw new ApiException(status, code, refused.getMessage(), Map.of());
        }
    }
}
