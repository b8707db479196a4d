package org.callcentre.crm.conversations;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
public record ConversationDetail(Conversation conversation, List<Message> messages) {
}
