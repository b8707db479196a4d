package org.callcentre.crm.presence;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.calls.ingest.CallEventStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Operators' live state: what their extensions are doing on calls (kept in memory, from committed
 * call changes) laid over the operators table (name, extension, city, chosen work status).
 */
@Singleton
public class Presence {
    private final PresenceRepository operators;
    private final CallEventStore callEvents;
    private final ExtensionActivity activity;
    private final Clock clock;

    public Presence(PresenceRepository operators, CallEventStore callEvents, Clock clock,
                    @Value("${crm.presence.wrap-up:30}") int wrapUpSeconds) {
        if (wrapUpSeconds < 0) {
            throw new IllegalArgumentException("crm.presence.wrap-up must be 0 or more seconds, not " + wrapUpSeconds);
        }
        this.operators = operators;
        this.callEvents = callEvents;
        this.clock = clock;
        this.activity = new ExtensionActivity(Duration.ofSeconds(wrapUpSeconds));
    }

    @Transactional(readOnly = true)
    public List<OperatorPresence> all() {
        Instant now = clock.instant();
        return operators.all().stream().map(o -> OperatorPresence.of(o, activity.of(o.sipAddress(), now))).toList();
    }

    /**
     * Rebuilds what extensions are doing from the events of the calls still going on, so that after
     * a restart an operator on a call shows on_call, not available.
     *
     * @return the extensions found busy
     */
    @Transactional(readOnly = true)
    public Set<String> recover() {
        Instant now = clock.instant();
        Set<String> moved = new HashSet<>();
        callEvents.eventsOfUnendedCalls(now.minus(ExtensionActivity.LONGEST_CALL))
                .forEach((callId, events) -> moved.addAll(activity.apply(callId, events, false, now)));
        return moved;
    }

    /** @return the extensions whose live state the change moved */
    public Set<String> record(CallChanged change) {
        return activity.apply(change.callId(), change.newEvents(), change.outcome().ended(), clock.instant());
    }

    /**
     * A change another node committed: the call's stored events are applied again, which moves
     * only what they had not moved yet (legs only go forward).
     */
    @Transactional(readOnly = true)
    public Set<String> recordStored(long callId, boolean callOver) {
        return activity.apply(callId, callEvents.eventsOfCall(callId), callOver, clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<OperatorPresence> onExtension(String extension) {
        return operators.onExtension(extension).map(o -> OperatorPresence.of(o, activity.of(extension, clock.instant())));
    }

    @Transactional(readOnly = true)
    public Optional<OperatorPresence> ofOperator(long operatorId) {
        return operators.byId(operatorId).map(o -> OperatorPresence.of(o, activity.of(o.sipAddress(), clock.instant())));
    }

    public boolean isFree(String extension) {
        return activity.of(extension, clock.instant()).isFree();
    }

    public Optional<Instant> wrapUpEnds(String extension) {
        return activity.wrapUpEnds(extension, clock.instant());
    }
}
