package org.callcentre.crm.telephony.ami;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Knows since when the manager connection has been deaf. Any event or answered Ping counts as
 * hearing, so a quiet PBX is not mistaken for a lost one; a drop is dated back to the last thing
 * heard, because whatever Asterisk sent after that went down with the connection.
 */
final class AmiOutageWatch {
    private final Duration pingInterval;
    private volatile Instant lastHeard;
    // guarded by this
    private Instant deafSince;
    private String reason;

    AmiOutageWatch(Duration pingInterval) {
        this.pingInterval = pingInterval;
    }

    /** Called for every event, on asterisk-java's thread: only a volatile write. */
    void heard(Instant at) {
        lastHeard = at;
    }

    synchronized void lost(Instant at) {
        if (deafSince != null) {
            return;
        }
        deafSince = lastHeard == null ? at : lastHeard;
        Duration silent = Duration.between(deafSince, at);
        // Pings are answered every interval: longer silence means the heartbeat's read timeout cut it.
        reason = silent.compareTo(pingInterval.multipliedBy(2)) > 0
                ? "Asterisk stopped answering (nothing heard for " + silent.toSeconds() + " s)"
                : "connection closed";
    }

    /**
     * Events came faster than they could be stored and one was refused: the link is paused from the
     * last event taken, and its calls are re-read like those of any outage.
     */
    synchronized void overloaded(Instant at, int queued) {
        if (deafSince != null) {
            return;
        }
        deafSince = lastHeard == null ? at : lastHeard;
        reason = "paused: " + queued + " events waited to be stored";
    }

    /** @return the outage this login ends; empty on the first login, which ends none */
    synchronized Optional<AmiOutage> loggedIn(Instant at) {
        heard(at);
        if (deafSince == null) {
            return Optional.empty();
        }
        AmiOutage outage = new AmiOutage(deafSince, at, reason);
        deafSince = null;
        reason = null;
        return Optional.of(outage);
    }

    synchronized Optional<Instant> deafSince() {
        return Optional.ofNullable(deafSince);
    }
}
