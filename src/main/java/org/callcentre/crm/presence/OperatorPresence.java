package org.callcentre.crm.presence;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * An operator's live state beside the work status they chose. A call outranks the work status: an
 * operator talking is {@code on_call} even if they pressed "break" meanwhile, and never shows as
 * available.
 *
 * @param liveState {@code ringing | on_call | wrap_up}, else from the work status:
 *                  {@code available} (working), {@code break}, {@code offline}
 * @param since     when the live state began, as far as the CRM knows
 * @param callId    the call rung, talked on or wrapped up; null otherwise
 */
@Serdeable
public record OperatorPresence(long operatorId, String name, String sipAddress, String city, String statusWork,
                               String liveState, Instant since, Long callId) {
    private static final Map<String, String> BY_WORK_STATUS = Map.of("working", "available", "break", "break", "offline", "offline");

    static OperatorPresence of(RosterEntry operator, Activity activity) {
        if (!activity.isFree()) {
            return new OperatorPresence(operator.operatorId(), operator.name(), operator.sipAddress(), operator.city(),
                    operator.statusWork(), activity.state(), activity.since(), activity.callId());
        }
        return new OperatorPresence(operator.operatorId(), operator.name(), operator.sipAddress(), operator.city(),
                operator.statusWork(), BY_WORK_STATUS.get(operator.statusWork()),
                latest(operator.statusSince(), activity.since()), null);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
