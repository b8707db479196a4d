package org.callcentre.crm.presence;

import org.callcentre.crm.calls.ingest.CallEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each extension is doing on calls, kept in memory from the legs of calls that are not over.
 * A leg only moves forward (rang, talked, ended) whatever order its events arrive in, so a shuffled
 * or late event cannot bring back a ring that is over. Events without a leg describe the whole call
 * after the fact (a PBX's closing summary): they end what is still open but engage nobody.
 *
 * <p>Times are when the CRM learned of each change: live state is about now, and PBX clocks and
 * redelivery delays must not shorten a wrap-up.
 */
final class ExtensionActivity {
    /** A call with no news for this long is taken as lost (its end never reached us), not as going on. */
    static final Duration LONGEST_CALL = Duration.ofHours(12);

    private final Duration wrapUp;
    private final Map<Long, Map<String, Leg>> legsByCall = new HashMap<>();
    private final Map<Long, Instant> lastNews = new HashMap<>();
    private final Map<String, WrapUp> wrapUps = new HashMap<>();
    private final Map<String, Instant> freeSince = new HashMap<>();
    /** Legs not yet ended, by extension: answering "what is 101 doing" must not scan every live call. */
    private final Map<String, Set<Leg>> openLegs = new HashMap<>();
    private Instant lastSweep = Instant.EPOCH;

    ExtensionActivity(Duration wrapUp) {
        this.wrapUp = wrapUp;
    }

    private static final class Leg {
        final long callId;
        final String extension;
        Instant rangAt;
        Instant talkingAt;
        Instant endedAt;

        Leg(long callId, String extension) {
            this.callId = callId;
            this.extension = extension;
        }
    }

    private record WrapUp(long callId, Instant since, Instant until) {
    }

    /**
     * @param callOver whether the call as a whole has ended: every leg still open ends with it
     * @return the extensions whose activity this changed
     */
    synchronized Set<String> apply(long callId, List<CallEvent> events, boolean callOver, Instant now) {
        Map<String, Leg> legs = legsByCall.computeIfAbsent(callId, id -> new HashMap<>());
        Set<String> involved = new HashSet<>();
        legs.values().forEach(leg -> involved.add(leg.extension));
        events.stream().map(CallEvent::extension).filter(Objects::nonNull).forEach(involved::add);
        Map<String, Activity> before = involved.stream().collect(Collectors.toMap(ext -> ext, ext -> of(ext, now)));

        for (CallEvent event : events) {
            Leg leg = event.legId() == null ? null : legs.get(event.legId());
            if (leg == null && event.legId() != null && event.extension() != null) {
                leg = new Leg(callId, event.extension());
                legs.put(event.legId(), leg);
                openLegs.computeIfAbsent(leg.extension, ext -> new HashSet<>()).add(leg);
            }
            if (leg != null) {
                advance(leg, event, now);
            }
        }
        if (callOver) {
            legs.values().forEach(leg -> end(leg, now));
        }
        if (callOver || legs.isEmpty()) {
            forget(callId);
        } else {
            lastNews.put(callId, now);
        }
        forgetLostCalls(now);
        return involved.stream().filter(ext -> !of(ext, now).sameAs(before.get(ext))).collect(Collectors.toSet());
    }

    synchronized Activity of(String extension, Instant now) {
        if (extension == null) {
            return Activity.free(null);
        }
        Leg talking = null;
        Leg ringing = null;
        for (Leg leg : openLegs.getOrDefault(extension, Set.of())) {
            if (leg.talkingAt != null) {
                talking = talking == null || leg.talkingAt.isBefore(talking.talkingAt) ? leg : talking;
            } else if (leg.rangAt != null) {
                ringing = ringing == null || leg.rangAt.isBefore(ringing.rangAt) ? leg : ringing;
            }
        }
        if (talking != null) {
            return new Activity(Activity.ON_CALL, talking.talkingAt, talking.callId);
        }
        if (ringing != null) {
            return new Activity(Activity.RINGING, ringing.rangAt, ringing.callId);
        }
        WrapUp wrap = wrapUps.get(extension);
        if (wrap != null && now.isBefore(wrap.until())) {
            return new Activity(Activity.WRAP_UP, wrap.since(), wrap.callId());
        }
        return Activity.free(freeSince.get(extension));
    }

    /** When the extension's wrap-up ends, while it is in one. */
    synchronized Optional<Instant> wrapUpEnds(String extension, Instant now) {
        return Activity.WRAP_UP.equals(of(extension, now).state())
                ? Optional.of(wrapUps.get(extension).until()) : Optional.empty();
    }

    /** A sweep a minute is plenty for calls silent for hours, and keeps each event O(1). */
    private void forgetLostCalls(Instant now) {
        if (Duration.between(lastSweep, now).toMinutes() < 1) {
            return;
        }
        lastSweep = now;
        Instant cutoff = now.minus(LONGEST_CALL);
        List<Long> lost = lastNews.entrySet().stream().filter(call -> call.getValue().isBefore(cutoff)).map(Map.Entry::getKey).toList();
        lost.forEach(this::forget);
    }

    private void forget(long callId) {
        Map<String, Leg> legs = legsByCall.remove(callId);
        lastNews.remove(callId);
        if (legs != null) {
            legs.values().forEach(this::closeLeg);
        }
    }

    private void closeLeg(Leg leg) {
        Set<Leg> open = openLegs.get(leg.extension);
        if (open != null && open.remove(leg) && open.isEmpty()) {
            openLegs.remove(leg.extension);
        }
    }

    private void advance(Leg leg, CallEvent event, Instant now) {
        switch (event.kind()) {
            case RINGING -> leg.rangAt = leg.rangAt == null ? now : leg.rangAt;
            // STARTED with an extension is an operator's own outbound leg: they are busy from the first moment.
            case STARTED, ANSWERED, HELD, RESUMED, TRANSFERRED -> {
                if (leg.talkingAt == null) {
                    leg.talkingAt = now;
                    if (leg.endedAt != null) {
                        // the end came first: the wrap-up is owed all the same
                        startWrapUp(leg, now);
                    }
                }
            }
            case ENDED -> end(leg, now);
            default -> {
                // summaries and recordings say nothing about what an extension is doing
            }
        }
    }

    private void end(Leg leg, Instant now) {
        if (leg.endedAt != null) {
            return;
        }
        leg.endedAt = now;
        closeLeg(leg);
        if (leg.talkingAt != null) {
            startWrapUp(leg, now);
        } else {
            freeSince.merge(leg.extension, now, ExtensionActivity::later);
        }
    }

    private void startWrapUp(Leg leg, Instant now) {
        Instant until = now.plus(wrapUp);
        wrapUps.put(leg.extension, new WrapUp(leg.callId, now, until));
        freeSince.merge(leg.extension, until, ExtensionActivity::later);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
