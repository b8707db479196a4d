package org.callcentre.crm.telephony.ami;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.PingThread;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * asterisk-java's Ping thread, which also tells the outage watch when Asterisk answered: on a PBX
 * without calls the Pong is the last sign of life a gap is dated from.
 */
final class AmiHeartbeat extends PingThread {
    private static final Logger LOG = LoggerFactory.getLogger(AmiHeartbeat.class);

    private final AmiOutageWatch watch;

    AmiHeartbeat(ManagerConnection connection, Duration interval, AmiOutageWatch watch) {
        super(connection);
        setInterval(interval.toMillis());
        this.watch = watch;
    }

    @Override
    protected void ping(ManagerConnection connection) {
        try {
            connection.sendAction(new PingAction(), response -> {
                // null: the connection dropped before the answer came
                if (response != null && !(response instanceof ManagerError)) {
                    watch.heard(Instant.now());
                }
            });
        } catch (Exception e) {
            LOG.debug("AMI: Ping not sent: {}", e.toString());
        }
    }
}
