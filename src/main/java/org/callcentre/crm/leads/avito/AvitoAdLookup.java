package org.callcentre.crm.leads.avito;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.callcentre.crm.conversations.ConversationInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Finds the ad a new chat is about ({@code context.value.title} of the chat), after the webhook has been answered. */
@Singleton
class AvitoAdLookup {
    private static final Logger LOG = LoggerFactory.getLogger(AvitoAdLookup.class);

    private final AvitoApi api;
    private final ConversationInbox inbox;
    private final ExecutorService executor;

    AvitoAdLookup(AvitoApi api, ConversationInbox inbox, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.api = api;
        this.inbox = inbox;
        this.executor = executor;
    }

    void describeLater(AvitoAccount account, String chatId, long conversationId) {
        executor.execute(() -> {
            try (PropagatedContext.Scope ignored = PropagatedContext.empty().propagate()) {
                Map<String, Object> chat = api.chat(account, chatId);
                if (chat.get("context") instanceof Map<?, ?> context && context.get("value") instanceof Map<?, ?> value
                        && value.get("title") instanceof String title) {
                    inbox.describeAd(conversationId, title);
                }
            } catch (AvitoApiException e) {
                // the chat works without its ad title; the operator sees the item id
                LOG.warn("Ad of Avito chat {} not looked up: {}", chatId, e.getMessage());
            }
        });
    }
}
