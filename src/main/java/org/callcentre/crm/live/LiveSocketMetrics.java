package org.callcentre.crm.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/** {@code crm_websocket_sessions{endpoint=operator|supervisor}}: sockets open on this node. */
@Singleton
class LiveSocketMetrics implements MeterBinder {
    private final LiveSockets sockets;

    LiveSocketMetrics(LiveSockets sockets) {
        this.sockets = sockets;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("crm.websocket.sessions", sockets, LiveSockets::operatorSessions).tag("endpoint", "operator")
                .description("WebSocket sessions open on this node").register(registry);
        Gauge.builder("crm.websocket.sessions", sockets, LiveSockets::supervisorSessions).tag("endpoint", "supervisor")
                .description("WebSocket sessions open on this node").register(registry);
    }
}
