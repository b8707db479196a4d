package org.callcentre.crm.leads.avito;

import jakarta.inject.Singleton;
import org.callcentre.crm.conversations.ChatChannel;
import org.callcentre.crm.conversations.Conversation;

/** Replies go into the Avito chat through the account the chat came in on; clients' pictures come from Avito's image hosts. */
@Singleton
class AvitoChatChannel implements ChatChannel {
    private final AvitoAccountService accounts;
    private final AvitoApi api;
    private final AvitoImages images;

    AvitoChatChannel(AvitoAccountService accounts, AvitoApi api, AvitoImages images) {
        this.accounts = accounts;
        this.api = api;
        this.images = images;
    }

    @Override
    public ChatImage openImage(String imageUrl) throws ChatImageRefused {
        return images.open(imageUrl);
    }

    @Override
    public String send(Conversation conversation, String text) throws ChatDeliveryException {
        AvitoAccount account = accounts.find(conversation.accountId());
        if (!account.enabled()) {
            throw new ChatDeliveryException("Avito account '" + account.name() + "' is disabled");
        }
        try {
            return api.sendMessage(account, conversation.externalChatId(), text);
        } catch (AvitoApiException e) {
            throw new ChatDeliveryException(e.getMessage(), e);
        }
    }
}
