package org.callcentre.crm.live;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.callcentre.crm.auth.Role;

import java.util.EnumSet;

/** {@code /ws/supervisor?token=…}: every call's updates and every operator's live state; supervisors and admins only. */
@ServerWebSocket("/ws/supervisor")
// As for /ws/operator: the token comes in the query string and is checked in onOpen.
@Secured(SecurityRule.IS_ANONYMOUS)
public class SupervisorSocket {
    private final SocketAdmission admission;
    private final LiveSockets sockets;

    public SupervisorSocket(SocketAdmission admission, LiveSockets sockets) {
        this.admission = admission;
        this.sockets = sockets;
    }

    @OnOpen
    public void onOpen(WebSocketSession session, HttpRequest<?> request) {
        admission.admit(session, request, EnumSet.of(Role.supervisor, Role.admin)).ifPresent(actor -> {
            sockets.addSupervisor(session);
            sockets.toSession(session, Connected.of(actor));
        });
    }

    /** The socket only pushes: what a browser sends is ignored (Micronaut opens no socket without this). */
    @OnMessage
    public void onMessage(String message, WebSocketSession session) {
    }

    @OnClose
    public void onClose(WebSocketSession session) {
        sockets.removeSupervisor(session);
        admission.left(session);
    }
}
