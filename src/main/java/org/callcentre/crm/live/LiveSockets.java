package org.callcentre.crm.live;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open {@code /ws/operator} sockets by operator, the open {@code /ws/supervisor} sockets, and
 * the one way messages reach them. A message is written to JSON once, however many receive it.
 *
 * <p>Every socket is pinged each {@code crm.live.ping-interval}. A browser only listens here, and
 * the server closes a connection it has read nothing from for {@code micronaut.server.read-idle-timeout}
 * (five minutes by default): an operator whose phone stayed quiet that long lost the socket, and the
 * pop of the next ring with it. The browser's pong is what the server reads.
 */
@Singleton
public class LiveSockets {
    private static final byte[] PING = new byte[0];

    private final Map<Long, Set<WebSocketSession>> operators = new ConcurrentHashMap<>();
    private final Set<WebSocketSession> supervisors = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;

    public LiveSockets(ObjectMapper json) {
        this.json = json;
    }

    @Scheduled(fixedDelay = "${crm.live.ping-interval:60s}", initialDelay = "${crm.live.ping-interval:60s}")
    void ping() {
        operators.values().forEach(sessions -> sessions.forEach(LiveSockets::ping));
        supervisors.forEach(LiveSockets::ping);
    }

    private static void ping(WebSocketSession session) {
        if (session.isOpen()) {
            session.sendPingAsync(PING);
        }
    }

    void addOperator(long operatorId, WebSocketSession session) {
        operators.compute(operatorId, (id, sessions) -> {
            Set<WebSocketSession> set = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
            set.add(session);
            return set;
        });
    }

    void removeOperator(long operatorId, WebSocketSession session) {
        operators.computeIfPresent(operatorId, (id, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    void addSupervisor(WebSocketSession session) {
        supervisors.add(session);
    }

    void removeSupervisor(WebSocketSession session) {
        supervisors.remove(session);
    }

    /** Whether anyone at all is listening: when nobody is, there is nothing to prepare. */
    public boolean anyOpen() {
        return !operators.isEmpty() || !supervisors.isEmpty();
    }

    boolean hasOperator(long operatorId) {
        return operators.containsKey(operatorId);
    }

    int operatorSessions() {
        return operators.values().stream().mapToInt(Set::size).sum();
    }

    int supervisorSessions() {
        return supervisors.size();
    }

    /** Lets callers skip preparing what nobody would receive. */
    public boolean hasSupervisors() {
        return !supervisors.isEmpty();
    }

    /** To every socket this node holds for the operator; other nodes push to theirs. */
    public void toOperator(long operatorId, Object message) {
        Set<WebSocketSession> sessions = operators.get(operatorId);
        if (sessions != null) {
            send(sessions, message);
        }
    }

    public void toSupervisors(Object message) {
        send(supervisors, message);
    }

    void toSession(WebSocketSession session, Object message) {
        send(Set.of(session), message);
    }

    private void send(Collection<WebSocketSession> sessions, Object message) {
        if (sessions.isEmpty()) {
            return;
        }
        String text = write(message);
        for (WebSocketSession session : sessions) {
            if (session.isOpen()) {
                session.sendAsync(text);
            }
        }
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
