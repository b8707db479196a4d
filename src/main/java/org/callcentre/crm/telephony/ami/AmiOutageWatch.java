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

    /** The last moment something was heard; null before the first login. */
    Instant lastHeard() {
        return lastHeard;
    }

    /**
     * This node is about to start listening (it started, or took over from another node): nothing
     * was heard since everything heard before was stored, by whichever process listened then. Its
     * login ends that outage as a reconnect ends a drop.
     */
    synchronized void notListenedSince(Instant storedUntil) {
        if (deafSince != null) {
            return;
        }
        deafSince = storedUntil;
        reason = "not listening: the service was stopped or restarted, or another node listened";
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

    /** @return the outage this login ends; empty on the first login, which ends none */
    synchronized Optional<AmiOutage> loggedIn(Instant at) {
        heard(at);
        if (deafSince == null || deafSince.isAfter(at)) {
            // nothing missed, or a mark from a node whose clock runs ahead of this one's: no honest gap to date
            deafSince = null;
            reason = null;
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
