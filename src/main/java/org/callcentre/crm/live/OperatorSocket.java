package org.callcentre.crm.live;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;

import java.util.EnumSet;

/**
 * {@code /ws/operator?token=…}: screen-pops for calls ringing on the user's own extension, then
 * updates of those calls. Open to every role: whoever has an extension may take calls.
 */
@ServerWebSocket("/ws/operator")
// The security filter would refuse the upgrade for want of an Authorization header, which a browser
// cannot send here; the token is checked in onOpen instead.
@Secured(SecurityRule.IS_ANONYMOUS)
public class OperatorSocket {
    private static final String OPERATOR_ID = "operatorId";

    private final SocketAdmission admission;
    private final LiveSockets sockets;

    public OperatorSocket(SocketAdmission admission, LiveSockets sockets) {
        this.admission = admission;
        this.sockets = sockets;
    }

    @OnOpen
    public void onOpen(WebSocketSession session, HttpRequest<?> request) {
        admission.admit(session, request, EnumSet.allOf(Role.class)).ifPresent(actor -> {
            session.put(OPERATOR_ID, actor.id());
            sockets.addOperator(actor.id(), session);
            sockets.toSession(session, Connected.of(actor));
        });
    }

    /** The socket only pushes: what a browser sends is ignored (Micronaut opens no socket without this). */
    @OnMessage
    public void onMessage(String message, WebSocketSession session) {
    }

    @OnClose
    public void onClose(WebSocketSession session) {
        session.get(OPERATOR_ID, Long.class).ifPresent(id -> sockets.removeOperator(id, session));
        admission.left(session);
    }
}
