package org.callcentre.crm.conversations;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.clients.ClientDirectory;

import java.util.Optional;

/**
 * Takes clients' messages from channel adapters. Marketplaces deliver webhooks at least once, so a
 * message is stored once per external id; a repeat changes nothing and publishes nothing.
 */
@Singleton
public class ConversationInbox {
    private static final Actor INBOX = Actor.system("conversation-inbox");

    private final ConversationRepository conversations;
    private final ClientDirectory clients;
    private final ApplicationEventPublisher<ClientMessageReceived> received;
    private final ApplicationEventPublisher<ChatChanged> changes;
    private final ApplicationEventPublisher<ChatFiguresChanged> figures;

    public ConversationInbox(ConversationRepository conversations, ClientDirectory clients,
                             ApplicationEventPublisher<ClientMessageReceived> received,
                             ApplicationEventPublisher<ChatChanged> changes, ApplicationEventPublisher<ChatFiguresChanged> figures) {
        this.conversations = conversations;
        this.clients = clients;
        this.received = received;
        this.changes = changes;
        this.figures = figures;
    }

    /** The stored message, or empty when it was a repeat delivery. */
    @Transactional
    public Optional<ClientMessageReceived> receive(IncomingMessage message) {
        ConversationRepository.Upserted conversation = conversations.upsert(message);
        Optional<Long> stored = conversations.insertClientMessage(conversation.id(), message);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        PhoneInText.find(message.text()).ifPresent(phone -> {
            Conversation current = conversations.find(conversation.id()).orElseThrow();
            if (current.clientId() == null) {
                long clientId = clients.findOrCreateByPhone(phone, null, message.cityId(), INBOX);
                conversations.linkClient(conversation.id(), phone, clientId);
            }
        });
        figures.publishEvent(new ChatFiguresChanged(conversation.id()));
        ClientMessageReceived event = new ClientMessageReceived(conversation.id(), stored.get(), conversation.created());
        received.publishEvent(event);
        changes.publishEvent(new ChatChanged(conversation.id(), ChatChanged.Kind.message));
        return Optional.of(event);
    }

    /** The ad the chat is about, once the adapter has looked it up. */
    @Transactional
    public void describeAd(long conversationId, String adTitle) {
        conversations.setAdTitle(conversationId, adTitle);
    }
}
