package org.callcentre.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * The AMI events of one inbound queue call as Asterisk 18+ sends them (see
 * {@code telephony/samples/ami}): the trunk channel, the queue, the member rung; then either
 * answer, bridge, hang-up (eighteen events) or the caller abandoning while the member's phone
 * still rings (twelve events).
 */
final class AmiCallScript implements Timeline.Script<String> {
    /** Events of an answered call; the stream's average per call lies between this and {@link #ABANDONED_EVENTS}. */
    static final int ANSWERED_EVENTS = 18;
    static final int ABANDONED_EVENTS = 12;

    private final String did;
    private final String queue;
    private final long baseNanos = System.nanoTime();
    private final long baseEpochMicros = System.currentTimeMillis() * 1000;

    AmiCallScript(String did, String queue) {
        this.did = did;
        this.queue = queue;
    }

    /** Asterisk's Uniqueid is "<epoch>.<counter>" and asterisk-java reads the counter as an int. */
    static String linkedId(long sequence) {
        return "1740000000." + (sequence * 2);
    }

    @Override
    public Timeline.Scripted<String> write(PlannedCall call, long startNanos) {
        long sequence = call.sequence();
        String linkedId = linkedId(sequence);
        String agentUniqueId = "1740000000." + (sequence * 2 + 1);
        String extension = call.extension();
        String caller = call.callerNumber();
        String trunk = "PJSIP/carrier-" + String.format("%08x", sequence);
        String agent = "PJSIP/" + extension + "-" + String.format("%08x", sequence);
        Channel t = new Channel(startNanos, trunk, linkedId, linkedId, caller, did, "from-trunk");
        Channel a = new Channel(startNanos, agent, agentUniqueId, linkedId, extension, "s", "from-queue");
        String dest = dest(agent, agentUniqueId, linkedId, extension);
        String member = "Queue: " + queue + "\r\nInterface: PJSIP/" + extension + "\r\nMemberName: Operator " + extension + "\r\n";
        List<Timeline.Step<String>> events = new ArrayList<>(ANSWERED_EVENTS);
        events.add(t.at(0, "Newchannel", ""));
        events.add(t.at(1, "Newstate", ""));
        events.add(t.at(20, "QueueCallerJoin", "Queue: " + queue + "\r\nPosition: 1\r\nCount: 1\r\n"));
        events.add(a.at(50, "Newchannel", ""));
        // DialBegin to the member's phone is the first event that says the extension rings.
        events.add(t.mark(50, "DialBegin", dest + "DialString: " + extension + "\r\n", Timeline.Mark.RING));
        events.add(t.at(50, "AgentCalled", member + dest));
        long ringEnd = 50 + call.ringMillis();
        if (!call.answered()) {
            events.add(t.mark(ringEnd, "QueueCallerAbandon", "Queue: " + queue + "\r\nPosition: 1\r\nOriginalPosition: 1\r\nHoldTime: "
                    + (ringEnd / 1000) + "\r\n", Timeline.Mark.RING_END));
            events.add(t.at(ringEnd, "DialEnd", dest + "DialStatus: CANCEL\r\n"));
            events.add(a.at(ringEnd + 1, "Hangup", "Cause: 16\r\nCause-txt: Normal Clearing\r\n"));
            events.add(t.at(ringEnd + 2, "QueueCallerLeave", "Queue: " + queue + "\r\nPosition: 1\r\nCount: 0\r\n"));
            events.add(t.at(ringEnd + 3, "Hangup", "Cause: 16\r\nCause-txt: Normal Clearing\r\n"));
            return new Timeline.Scripted<>(linkedId, events);
        }
        long hangup = ringEnd + call.talkMillis();
        String bridge = "BridgeUniqueid: br-" + sequence + "\r\nBridgeType: basic\r\n";
        events.add(t.mark(ringEnd, "DialEnd", dest + "DialStatus: ANSWER\r\n", Timeline.Mark.RING_END));
        events.add(t.at(ringEnd, "AgentConnect", member + "HoldTime: " + (ringEnd / 1000) + "\r\nRingTime: "
                + (call.ringMillis() / 1000) + "\r\n" + dest));
        events.add(t.at(ringEnd, "QueueCallerLeave", "Queue: " + queue + "\r\nPosition: 1\r\nCount: 0\r\n"));
        events.add(t.at(ringEnd + 1, "BridgeCreate", bridge + "BridgeTechnology: simple_bridge\r\nBridgeNumChannels: 0\r\n"));
        events.add(t.at(ringEnd + 1, "BridgeEnter", bridge + "BridgeNumChannels: 1\r\n"));
        events.add(a.at(ringEnd + 1, "BridgeEnter", bridge + "BridgeNumChannels: 2\r\n"));
        events.add(t.at(hangup, "BridgeLeave", bridge + "BridgeNumChannels: 1\r\n"));
        events.add(a.at(hangup, "BridgeLeave", bridge + "BridgeNumChannels: 0\r\n"));
        events.add(a.at(hangup, "BridgeDestroy", bridge + "BridgeTechnology: simple_bridge\r\nBridgeNumChannels: 0\r\n"));
        events.add(t.at(hangup, "AgentComplete", member + "HoldTime: " + (ringEnd / 1000) + "\r\nTalkTime: "
                + (call.talkMillis() / 1000) + "\r\nReason: caller\r\n" + dest));
        events.add(t.at(hangup + 1, "Hangup", "Cause: 16\r\nCause-txt: Normal Clearing\r\n"));
        events.add(a.at(hangup + 2, "Hangup", "Cause: 16\r\nCause-txt: Normal Clearing\r\n"));
        return new Timeline.Scripted<>(linkedId, events);
    }

    private static String dest(String channel, String uniqueId, String linkedId, String extension) {
        return "DestChannel: " + channel + "\r\nDestChannelState: 5\r\nDestChannelStateDesc: Ringing\r\nDestCallerIDNum: "
                + extension + "\r\nDestConnectedLineNum: <unknown>\r\nDestLanguage: ru\r\nDestAccountCode: \r\nDestContext: from-queue\r\n"
                + "DestExten: " + extension + "\r\nDestPriority: 1\r\nDestUniqueid: " + uniqueId + "\r\nDestLinkedid: " + linkedId + "\r\n";
    }

    /** One channel's standard header fields; its events carry the PBX time of their offset. */
    private final class Channel {
        private final long epochMicros;
        private final String fields;

        Channel(long startNanos, String channel, String uniqueId, String linkedId, String callerNumber, String exten, String context) {
            this.epochMicros = baseEpochMicros + (startNanos - baseNanos) / 1000;
            this.fields = "\r\nChannel: " + channel + "\r\nChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: " + callerNumber
                    + "\r\nCallerIDName: <unknown>\r\nConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\nLanguage: ru\r\n"
                    + "AccountCode: \r\nContext: " + context + "\r\nExten: " + exten + "\r\nPriority: 1\r\nUniqueid: " + uniqueId
                    + "\r\nLinkedid: " + linkedId + "\r\n";
        }

        Timeline.Step<String> at(long offsetMillis, String event, String extra) {
            return mark(offsetMillis, event, extra, Timeline.Mark.NONE);
        }

        Timeline.Step<String> mark(long offsetMillis, String event, String extra, Timeline.Mark mark) {
            long micros = epochMicros + offsetMillis * 1000;
            return new Timeline.Step<>(offsetMillis, "Event: " + event + "\r\nPrivilege: call,all\r\nTimestamp: " + (micros / 1_000_000) + "."
                    + String.format("%06d", micros % 1_000_000) + fields + extra + "\r\n", mark);
        }
    }
}
