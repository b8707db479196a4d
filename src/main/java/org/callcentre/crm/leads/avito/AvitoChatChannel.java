package org.callcentre.crm.leads.avito;

import jakarta.inject.Singleton;
import org.callcentre.crm.conversations.ChatChannel;
import org.callcentre.crm.conversations.Conversation;

/** Replies go into the Avito chat through the account the chat came in on. */
@Singleton
class AvitoChatChannel implements ChatChannel {
    private final AvitoAccountService accounts;
    private final AvitoApi api;

    AvitoChatChannel(AvitoAccountService accounts, AvitoApi api) {
        this.accounts = accounts;
        this.api = api;
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
