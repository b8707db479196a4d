package org.callcentre.crm.live;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.cluster.ClusterBus;
import org.callcentre.crm.cluster.PeerMessage;
import org.callcentre.crm.conversations.ChatChanged;
import org.callcentre.crm.conversations.Conversation;
import org.callcentre.crm.conversations.ConversationRepository;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * Pushes chat changes over /ws/operator to the users of the chat's city and to its owner (and to the
 * supervisors' sockets), once the change is committed, so that lists and open chats update without
 * polling. A node pushes to the sockets it holds; the other nodes hear of the change on the cluster
 * channel (sent with the commit) and push it to theirs, so an operator sees a chat queued by a
 * webhook that another node took in.
 */
@Singleton
class ChatPushes {
    static final String TOPIC = "chat";

    private final ConversationRepository conversations;
    private final LiveSockets sockets;
    private final LivePushQueue pushes;
    private final TransactionOperations<Connection> tx;
    private final ClusterBus bus;

    ChatPushes(ConversationRepository conversations, LiveSockets sockets, LivePushQueue pushes,
               TransactionOperations<Connection> tx, ClusterBus bus) {
        this.bus = bus;
        this.conversations = conversations;
        this.sockets = sockets;
        this.pushes = pushes;
        this.tx = tx;
    }

    /** What a socket receives: {@code {"type":"chat","event":…,"conversation":{…}}}. */
    @Serdeable
    record ChatPush(String type, ChatChanged.Kind event, Conversation conversation) {
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onChanged(ChatChanged change) {
        pushes.submit("chat " + change.conversationId(), () -> push(change));
    }

    /** Heard inside the changing transaction: PostgreSQL sends the notice to the other nodes with its commit. */
    @EventListener
    void tellPeers(ChatChanged change) {
        bus.publish(TOPIC, change);
    }

    @EventListener
    void onPeerMessage(PeerMessage message) {
        if (TOPIC.equals(message.topic()) && sockets.anyOpen()) {
            ChatChanged change = bus.read(message, ChatChanged.class);
            pushes.submit("chat " + change.conversationId() + " from another node", () -> push(change));
        }
    }

    private void push(ChatChanged change) {
        Optional<Conversation> conversation = tx.executeRead(status -> conversations.find(change.conversationId()));
        if (conversation.isEmpty()) {
            return;
        }
        List<Long> audience = tx.executeRead(status -> conversations.audience(change.conversationId()));
        ChatPush push = new ChatPush("chat", change.kind(), conversation.get());
        audience.forEach(operator -> sockets.toOperator(operator, push));
        sockets.toSupervisors(push);
    }
}
