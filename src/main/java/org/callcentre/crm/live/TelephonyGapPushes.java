package org.callcentre.crm.live;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.TelephonyGapChanged;

/** A telephony gap, found or settled, goes to the supervisors' sockets on the live-push thread. */
@Singleton
class TelephonyGapPushes {
    private final LiveSockets sockets;
    private final LivePushQueue pushes;

    TelephonyGapPushes(LiveSockets sockets, LivePushQueue pushes) {
        this.sockets = sockets;
        this.pushes = pushes;
    }

    @EventListener
    void onGap(TelephonyGapChanged gap) {
        pushes.submit("telephony gap " + gap.id(), () -> sockets.toSupervisors(TelephonyGapMessage.of(gap)));
    }
}
