package org.callcentre.crm.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.calls.Call;
import org.callcentre.crm.calls.CallRepository;
import org.callcentre.crm.calls.ingest.CallChanged;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a committed call change into pushes: a screen-pop to each user whose extension starts
 * ringing, "call-updated" to the users who got the call's pop earlier, and "call-updated" to every
 * supervisor. Nobody else hears of the call.
 */
@Singleton
public class ScreenPops {
    /** Far longer than any call; only bounds the memory of calls whose end never arrives. */
    private static final Duration FORGET_UNENDED_CALL = Duration.ofHours(12);

    private final CallRepository calls;
    private final ScreenPopRepository cards;
    private final LiveSockets sockets;
    private final Cache<Long, Set<Long>> poppedTo = Caffeine.newBuilder().expireAfterAccess(FORGET_UNENDED_CALL).build();

    public ScreenPops(CallRepository calls, ScreenPopRepository cards, LiveSockets sockets) {
        this.calls = calls;
        this.cards = cards;
        this.sockets = sockets;
    }

    /**
     * A change this node stored: it carries the call as stored and who rings, so nothing is read
     * again; each screen-pop costs one query, its caller card (one per city scope among the rung
     * users, so one for a ring to one operator), and a call-updated none.
     */
    public void push(CallChanged change) {
        Call call = change.call();
        Map<Long, PopCard> cardByScope = new HashMap<>();
        Set<Long> poppedNow = new HashSet<>();
        for (CallChanged.RungUser user : change.rung()) {
            poppedNow.add(user.userId());
            if (sockets.hasOperator(user.userId())) {
                PopCard card = cardByScope.computeIfAbsent(user.cityScope(), scope -> cards.card(call, scope));
                sockets.toOperator(user.userId(), ScreenPop.of(call, card));
            }
        }
        updated(call, poppedNow, change.outcome().ended());
    }

    /** The same for a change another node committed (it sent what the rows cannot tell: who started ringing). */
    @Transactional(readOnly = true)
    public void push(CallMoved change) {
        Optional<Call> found = calls.findById(change.callId());
        if (found.isEmpty()) {
            return;
        }
        Call call = found.get();
        Set<Long> poppedNow = new HashSet<>();
        // A ring the call has already outlived is history, not a reason to pop.
        if (!change.ended()) {
            for (String extension : change.ringing()) {
                cards.userOnExtension(extension).ifPresent(user -> {
                    poppedNow.add(user.id());
                    if (sockets.hasOperator(user.id())) {
                        sockets.toOperator(user.id(), pop(call, user));
                    }
                });
            }
        }
        updated(call, poppedNow, change.ended());
    }

    /** "call-updated" to the users who got the call's pop earlier, and to every supervisor. */
    private void updated(Call call, Set<Long> poppedNow, boolean ended) {
        Set<Long> earlier = Set.copyOf(Objects.requireNonNullElse(poppedTo.getIfPresent(call.id()), Set.of()));
        CallUpdated update = CallUpdated.of(call);
        earlier.stream().filter(id -> !poppedNow.contains(id)).forEach(id -> sockets.toOperator(id, update));
        sockets.toSupervisors(update);
        if (ended) {
            poppedTo.invalidate(call.id());
        } else if (!poppedNow.isEmpty()) {
            poppedTo.asMap().computeIfAbsent(call.id(), id -> ConcurrentHashMap.newKeySet()).addAll(poppedNow);
        }
    }

    private ScreenPop pop(Call call, Actor user) {
        return ScreenPop.of(call, cards.card(call, user.cityScope()));
    }
}
