package org.callcentre.crm.telephony.ami;

import jakarta.inject.Singleton;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.UnholdEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.callcentre.crm.calls.ingest.CallDirection;
import org.callcentre.crm.calls.ingest.CallEnding;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Asterisk 16–22 manager events as domain call events, keyed by {@code Linkedid} (the call) and
 * {@code Uniqueid} (the leg). The only place that knows what AMI events mean for a call.
 *
 * <p>The call's first channel ({@code Uniqueid == Linkedid}) tells the direction ({@link AmiCallOrigin});
 * an operator's phone rung by an {@code Originate} (click-to-call) is outbound too, the company
 * number being the caller id the dialplan presents to the client.
 * Operators' phones ringing, answering and holding come from Dial*, Agent*, BridgeEnter and
 * Hold/Unhold; a call ends when every channel it had has hung up, or when its caller abandons
 * the queue. Queue calls carry Asterisk's own {@code HoldTime} (wait); talk is measured from the
 * timestamps (answer to the last hang-up, less hold) for every call.
 * The operator who answered is the one a {@code DialEnd} with {@code DialStatus: ANSWER} or an
 * {@code AgentConnect}'s {@code Interface} names, never whoever entered a bridge last.
 *
 * <p>Read and deliberately not translated: {@code Newstate} (DialEnd says the same and who
 * answered whom), {@code BridgeLeave} and {@code QueueCallerLeave} (the Hangup, AgentComplete or
 * QueueCallerAbandon that follows says how it ended), {@code MusicOnHoldStart/Stop} (queues play
 * music to waiting callers: only a phone's Hold/Unhold is a hold) and {@code Cdr} (one per bridge,
 * with the queue's answer counted as an answer, so it would contradict the channel events).
 */
@Singleton
public class AmiCallEventTranslator {
    static final String SOURCE = "ami";
    private static final String MIXMONITOR_FILENAME = "MIXMONITOR_FILENAME";

    private final Set<String> trunkContexts;

    public AmiCallEventTranslator(AmiSettings settings) {
        this(settings.trunkContexts());
    }

    AmiCallEventTranslator(Collection<String> trunkContexts) {
        this.trunkContexts = Set.copyOf(trunkContexts);
    }

    /** @return the domain event, or empty when the AMI event says nothing about a call's outcome */
    public Optional<CallEvent> translate(ManagerEvent event) {
        try {
            return Optional.ofNullable(translated(event)).map(CallEvent.Builder::build);
        } catch (NoCallKey e) {
            return Optional.empty();
        }
    }

    private CallEvent.Builder translated(ManagerEvent event) {
        if (event instanceof NewChannelEvent e) {
            return newChannel(e);
        }
        if (event instanceof DialBeginEvent e) {
            return dialBegin(e);
        }
        if (event instanceof DialEndEvent e) {
            return dialEnd(e);
        }
        if (event instanceof BridgeEnterEvent e) {
            return bridgeEnter(e);
        }
        if (event instanceof HangupEvent e) {
            return on(e, e.getLinkedId(), e.getUniqueId(), "Hangup", null, CallEventKind.ENDED)
                    .leg(e.getUniqueId())
                    .ending(AmiEndings.ofHangupCause(e.getCause()))
                    .disconnectReason(e.getCause() == null ? null : String.valueOf(e.getCause()));
        }
        if (event instanceof QueueCallerJoinEvent e) {
            return on(e, e.getLinkedId(), e.getUniqueId(), "QueueCallerJoin", null, CallEventKind.STARTED)
                    .leg(e.getUniqueId()).queue(e.getQueue());
        }
        if (event instanceof QueueCallerAbandonEvent e) {
            // The caller hung up while queued: the whole call is over, whatever legs still ring.
            return on(e, e.getLinkedId(), e.getUniqueId(), "QueueCallerAbandon", null, CallEventKind.ENDED)
                    .queue(e.getQueue()).ending(CallEnding.CALLER_ABANDONED).waitSeconds(e.getHoldTime());
        }
        if (event instanceof AgentCalledEvent e) {
            return member(e, e.getLinkedId(), e.getUniqueId(), "AgentCalled", CallEventKind.RINGING, e.getQueue(),
                    e.getDestUniqueId(), e.getInterface(), e.getDestChannel());
        }
        if (event instanceof AgentConnectEvent e) {
            CallEvent.Builder b = member(e, e.getLinkedId(), e.getUniqueId(), "AgentConnect", CallEventKind.ANSWERED, e.getQueue(),
                    e.getDestUniqueId(), e.getInterface(), e.getDestChannel());
            return b == null ? null : b.waitSeconds(seconds(e.getHoldTime()));
        }
        if (event instanceof AgentCompleteEvent e) {
            return agentComplete(e);
        }
        if (event instanceof AgentRingNoAnswerEvent e) {
            return on(e, e.getLinkedId(), e.getUniqueId(), "AgentRingNoAnswer", e.getDestUniqueId(), CallEventKind.ENDED)
                    .leg(memberLeg(e.getDestUniqueId(), e.getUniqueId())).ending(CallEnding.NO_ANSWER);
        }
        if (event instanceof VarSetEvent e && MIXMONITOR_FILENAME.equals(e.getVariable()) && e.getValue() != null
                && !e.getValue().isBlank()) {
            return on(e, e.getLinkedId(), e.getUniqueId(), "VarSet", e.getVariable(), CallEventKind.RECORDING_READY)
                    .recording(e.getValue());
        }
        if (event instanceof HoldEvent e) {
            return on(e, e.getLinkedId(), e.getUniqueId(), "Hold", null, CallEventKind.HELD).leg(e.getUniqueId());
        }
        if (event instanceof UnholdEvent e) {
            return on(e, e.getLinkedId(), e.getUniqueId(), "Unhold", null, CallEventKind.RESUMED).leg(e.getUniqueId());
        }
        return null;
    }

    private CallEvent.Builder newChannel(NewChannelEvent e) {
        CallEvent.Builder b = on(e, e.getLinkedid(), e.getUniqueId(), "Newchannel", null, CallEventKind.STARTED).leg(e.getUniqueId());
        return e.getUniqueId().equals(e.getLinkedid())
                ? AmiCallOrigin.describe(b, trunkContexts, e.getChannel(), e.getContext(), e.getCallerIdNum(), e.getExten())
                : b;
    }

    private CallEvent.Builder dialBegin(DialBeginEvent e) {
        String linkedId = e.getLinkedId() != null ? e.getLinkedId() : e.getDestLinkedId();
        String destExtension = AmiChannels.extension(e.getDestChannel());
        if (e.getChannel() == null) {
            // Originate (click-to-call) rings the operator's own phone first: the operator is starting
            // an outbound call, not being called, even if they never pick up.
            return destExtension == null ? null
                    : on(e, linkedId, e.getDestUniqueId(), "DialBegin", null, CallEventKind.STARTED)
                            .leg(e.getDestUniqueId()).direction(CallDirection.OUTBOUND).extension(destExtension);
        }
        if (destExtension != null) {
            return on(e, linkedId, e.getUniqueId(), "DialBegin", e.getDestUniqueId(), CallEventKind.RINGING)
                    .leg(e.getDestUniqueId()).extension(destExtension);
        }
        String number = AmiChannels.dialledNumber(e.getDialString());
        String extension = AmiChannels.extension(e.getChannel());
        if (extension == null || !Objects.equals(e.getUniqueId(), linkedId) || !AmiChannels.isOutsideNumber(number)) {
            return null;
        }
        // The dialplan sets the company's number as the caller id it presents to the client.
        return on(e, linkedId, e.getUniqueId(), "DialBegin", e.getDestUniqueId(), CallEventKind.STARTED)
                .leg(e.getDestUniqueId()).direction(CallDirection.OUTBOUND).extension(extension).called(number)
                .companyNumber(AmiChannels.isOutsideNumber(e.getCallerIdNum()) ? e.getCallerIdNum() : null);
    }

    private CallEvent.Builder dialEnd(DialEndEvent e) {
        String linkedId = e.getLinkedId() != null ? e.getLinkedId() : e.getDestLinkedId();
        String uniqueId = e.getUniqueId() != null ? e.getUniqueId() : e.getDestUniqueId();
        String destExtension = AmiChannels.extension(e.getDestChannel());
        if (!"ANSWER".equals(e.getDialStatus())) {
            return on(e, linkedId, uniqueId, "DialEnd", e.getDestUniqueId(), CallEventKind.ENDED)
                    .leg(memberLeg(e.getDestUniqueId(), uniqueId)).ending(AmiEndings.ofDialStatus(e.getDialStatus(), destExtension != null));
        }
        if (e.getChannel() == null) {
            // The operator picked up their own phone on a click-to-call; the client has not answered yet.
            return null;
        }
        if (destExtension != null) {
            return on(e, linkedId, uniqueId, "DialEnd", e.getDestUniqueId(), CallEventKind.ANSWERED)
                    .leg(e.getDestUniqueId()).extension(destExtension);
        }
        String extension = AmiChannels.extension(e.getChannel());
        return extension == null || !Objects.equals(uniqueId, linkedId) ? null
                : on(e, linkedId, uniqueId, "DialEnd", e.getDestUniqueId(), CallEventKind.ANSWERED)
                        .leg(e.getDestUniqueId()).extension(extension);
    }

    /**
     * An operator's phone in a bridge is talking: this catches pickups, which dial nothing. It does not
     * say who answered — Asterisk bridges the legs in no fixed order, often the caller's own phone
     * last — so it is a {@link CallEventKind#JOINED}, which names the operator only when no DialEnd
     * or AgentConnect did; and the call's first channel (the caller's own phone on an internal or
     * outbound call) never joins as the one who answered.
     */
    private CallEvent.Builder bridgeEnter(BridgeEnterEvent e) {
        String extension = AmiChannels.extension(e.getChannel());
        return extension == null || Objects.equals(e.getUniqueId(), e.getLinkedId()) ? null
                : on(e, e.getLinkedId(), e.getUniqueId(), "BridgeEnter", e.getBridgeUniqueId(), CallEventKind.JOINED)
                        .leg(e.getUniqueId()).extension(extension);
    }

    /**
     * The member's part of a queue call is over. Its {@code TalkTime} is not used: it counts the time
     * on hold as talk and stops at a transfer, while every call's talk is end − answer − hold
     * (docs/architecture.md), measured from the timestamps.
     */
    private CallEvent.Builder agentComplete(AgentCompleteEvent e) {
        return on(e, e.getLinkedId(), e.getUniqueId(), "AgentComplete", e.getDestUniqueId(), CallEventKind.ENDED)
                .leg(memberLeg(e.getDestUniqueId(), e.getUniqueId()));
    }

    /** A queue event about one member: the member's leg, and the extension behind its interface or channel. */
    private CallEvent.Builder member(ManagerEvent e, String linkedId, String uniqueId, String name, CallEventKind kind, String queue,
                                     String memberLeg, String memberInterface, String memberChannel) {
        String extension = AmiChannels.extension(memberInterface);
        if (extension == null) {
            extension = AmiChannels.extension(memberChannel);
        }
        return extension == null ? null
                : on(e, linkedId, uniqueId, name, memberLeg, kind).leg(memberLeg).extension(extension).queue(queue);
    }

    /**
     * The leg a dial or queue member ended on. Without one (a channel that could not even be
     * created) a stand-in leg that never started is ended: an ENDED without a leg would end the call.
     */
    private static String memberLeg(String destUniqueId, String uniqueId) {
        return destUniqueId != null ? destUniqueId : uniqueId + "/dial";
    }

    /**
     * The event id is {@code <Uniqueid>:<Event>:<Timestamp>} plus what tells apart two such events of
     * one channel at one instant (the dialled leg, the bridge, the variable): the same AMI event
     * delivered twice gets the same id and is kept once.
     *
     * @throws NoCallKey when the event belongs to no call we can key
     */
    private static CallEvent.Builder on(ManagerEvent e, String linkedId, String uniqueId, String name, String discriminator,
                                        CallEventKind kind) {
        if (linkedId == null || uniqueId == null) {
            throw new NoCallKey();
        }
        EventTime time = EventTime.of(e);
        String id = uniqueId + ":" + name + ":" + time.text() + (discriminator == null ? "" : ":" + discriminator);
        return CallEvent.builder(SOURCE, linkedId, id, time.instant(), kind);
    }

    private static Integer seconds(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    /**
     * The PBX's own time of an event ({@code Timestamp}, with {@code timestampevents = yes}),
     * falling back to when it was received.
     */
    record EventTime(Instant instant, String text) {
        static EventTime of(ManagerEvent e) {
            if (e.getTimestamp() != null) {
                BigDecimal micros = BigDecimal.valueOf(e.getTimestamp()).setScale(6, RoundingMode.HALF_UP);
                long seconds = micros.longValue();
                long nanos = micros.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValueExact();
                return new EventTime(Instant.ofEpochSecond(seconds, nanos), micros.toPlainString());
            }
            Instant received = Objects.requireNonNullElseGet(e.getDateReceived(), Date::new).toInstant();
            return new EventTime(received, "received-" + received.toEpochMilli());
        }
    }

    /** An event without Linkedid or Uniqueid (a malformed one, or from Asterisk before 12) belongs to no call we can key. */
    private static final class NoCallKey extends RuntimeException {
        NoCallKey() {
            super(null, null, false, false);
        }
    }
}
