package org.callcentre.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * The AMI events of one inbound queue call as Asterisk 18+ sends them: the trunk channel, the
 * queue, the member rung, answer, bridge, hang-up — sixteen events.
 */
final class AmiCallScript {
    record TimedEvent(long atNanos, long order, String block, boolean ringing, String callKey) {
    }

    /** Ties between events of the same millisecond keep the order Asterisk sends them in. */
    private static final java.util.concurrent.atomic.AtomicLong ORDER = new java.util.concurrent.atomic.AtomicLong();

    private AmiCallScript() {
    }

    static List<TimedEvent> call(long startNanos, long startEpochMicros, long sequence, String callerNumber, String did,
                                 String extension, String queue, long ringMillis, long talkMillis) {
        // Asterisk's Uniqueid is "<epoch>.<counter>" and asterisk-java reads the counter as an int.
        String linkedId = "1740000000." + (sequence * 2);
        String agentUniqueId = "1740000000." + (sequence * 2 + 1);
        String trunk = "PJSIP/carrier-" + String.format("%08x", sequence);
        String agent = "PJSIP/" + extension + "-" + String.format("%08x", sequence);
        List<TimedEvent> events = new ArrayList<>(18);
        long answer = ringMillis + 50;
        long hangup = answer + talkMillis;
        Block b = new Block(startNanos, startEpochMicros);
        events.add(b.at(0, "Newchannel", trunk, linkedId, linkedId, callerNumber, did, "from-trunk", ""));
        events.add(b.at(1, "Newstate", trunk, linkedId, linkedId, callerNumber, did, "from-trunk", ""));
        events.add(b.at(20, "QueueCallerJoin", trunk, linkedId, linkedId, callerNumber, did, "from-trunk",
                "Queue: " + queue + "\r\nPosition: 1\r\nCount: 1\r\n"));
        events.add(b.at(50, "Newchannel", agent, agentUniqueId, linkedId, extension, "s", "from-queue", ""));
        events.add(b.at(50, "DialBegin", trunk, linkedId, linkedId, callerNumber, did, "from-trunk",
                dest(agent, agentUniqueId, linkedId, extension) + "DialString: " + extension + "\r\n"));
        events.add(b.ringing(50, "AgentCalled", trunk, linkedId, linkedId, callerNumber, did, "from-trunk",
                "Queue: " + queue + "\r\nInterface: PJSIP/" + extension + "\r\nMemberName: Operator " + extension + "\r\n"
                        + dest(agent, agentUniqueId, linkedId, extension)));
        events.add(b.at(answer, "DialEnd", trunk, linkedId, linkedId, callerNumber, did, "from-trunk",
                dest(agent, agentUniqueId, linkedId, extension) + "DialStatus: ANSWER\r\n"));
        events.add(b.at(answer, "AgentConnect", trunk, linkedId, linkedId, callerNumber, did, "from-trunk",
                "Queue: " + queue + "\r\nInterface: PJSIP/" + extension + "\r\nMemberName: Operator " + extension + "\r\nHoldTime: "
                        + (answer / 1000) + "\r\nRingTime: " + (ringMillis / 1000) + "\r\n" + dest(agent, agentUniqueId, linkedId, extension)));
        events.add(b.at(answer, "QueueCallerLeave", trunk, linkedId, linkedId, callerNumber, did, "from-trunk",
                "Queue: " + queue + "\r\nPosition: 1\r\nCount: 0\r\n"));
        events.add(b.at(answer + 1, "BridgeCreate", trunk, linkedId, linkedId, callerNumber, did, "from-trunk",
                "BridgeUniqueid: br-" + sequence + "\r\nBridgeType: basic\r\nBridgeTechnology: simple_bridge\r\nBridgeNumChannels: 0\r\n"));
        events.add(b.at(answer + 1, "BridgeEnter", trunk, linkedId, linkedId, callerNumber, did, "from-trunk",
                "BridgeUniqueid: br-" + sequence + "\r\nBridgeType: basic\r\nBridgeNumChannels: 1\r\n"));
        events.add(b.at(answer + 1, "BridgeEnter", agent, agentUniqueId, linkedId, extension, "s", "from-queue",
                "BridgeUniqueid: br-" + sequence + "\r\nBridgeType: basic\r\nBridgeNumChannels: 2\r\n"));
        events.add(b.at(hangup, "BridgeLeave", trunk, linkedId, linkedId, callerNumber, did, "from-trunk",
                "BridgeUniqueid: br-" + sequence + "\r\nBridgeType: basic\r\nBridgeNumChannels: 1\r\n"));
        events.add(b.at(hangup, "BridgeLeave", agent, agentUniqueId, linkedId, extension, "s", "from-queue",
                "BridgeUniqueid: br-" + sequence + "\r\nBridgeType: basic\r\nBridgeNumChannels: 0\r\n"));
        events.add(b.at(hangup, "BridgeDestroy", agent, agentUniqueId, linkedId, extension, "s", "from-queue",
                "BridgeUniqueid: br-" + sequence + "\r\nBridgeType: basic\r\nBridgeTechnology: simple_bridge\r\nBridgeNumChannels: 0\r\n"));
        events.add(b.at(hangup, "AgentComplete", trunk, linkedId, linkedId, callerNumber, did, "from-trunk",
                "Queue: " + queue + "\r\nInterface: PJSIP/" + extension + "\r\nMemberName: Operator " + extension + "\r\nHoldTime: "
                        + (answer / 1000) + "\r\nTalkTime: " + (talkMillis / 1000) + "\r\nReason: caller\r\n"
                        + dest(agent, agentUniqueId, linkedId, extension)));
        events.add(b.at(hangup + 1, "Hangup", trunk, linkedId, linkedId, callerNumber, did, "from-trunk",
                "Cause: 16\r\nCause-txt: Normal Clearing\r\n"));
        events.add(b.at(hangup + 2, "Hangup", agent, agentUniqueId, linkedId, extension, "s", "from-queue",
                "Cause: 16\r\nCause-txt: Normal Clearing\r\n"));
        return events;
    }

    private static String dest(String channel, String uniqueId, String linkedId, String extension) {
        return "DestChannel: " + channel + "\r\nDestChannelState: 5\r\nDestChannelStateDesc: Ringing\r\nDestCallerIDNum: "
                + extension + "\r\nDestConnectedLineNum: <unknown>\r\nDestLanguage: ru\r\nDestAccountCode: \r\nDestContext: from-queue\r\n"
                + "DestExten: " + extension + "\r\nDestPriority: 1\r\nDestUniqueid: " + uniqueId + "\r\nDestLinkedid: " + linkedId + "\r\n";
    }

    private record Block(long startNanos, long startEpochMicros) {
        TimedEvent at(long offsetMillis, String event, String channel, String uniqueId, String linkedId, String callerNumber,
                      String exten, String context, String extra) {
            return new TimedEvent(startNanos + offsetMillis * 1_000_000, ORDER.getAndIncrement(), text(offsetMillis, event, channel, uniqueId, linkedId,
                    callerNumber, exten, context, extra), false, linkedId);
        }

        TimedEvent ringing(long offsetMillis, String event, String channel, String uniqueId, String linkedId, String callerNumber,
                           String exten, String context, String extra) {
            return new TimedEvent(startNanos + offsetMillis * 1_000_000, ORDER.getAndIncrement(), text(offsetMillis, event, channel, uniqueId, linkedId,
                    callerNumber, exten, context, extra), true, linkedId);
        }

        private String text(long offsetMillis, String event, String channel, String uniqueId, String linkedId, String callerNumber,
                            String exten, String context, String extra) {
            long micros = startEpochMicros + offsetMillis * 1000;
            return "Event: " + event + "\r\nPrivilege: call,all\r\nTimestamp: " + (micros / 1_000_000) + "."
                    + String.format("%06d", micros % 1_000_000) + "\r\nChannel: " + channel
                    + "\r\nChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: " + callerNumber + "\r\nCallerIDName: <unknown>\r\n"
                    + "ConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\nLanguage: ru\r\nAccountCode: \r\nContext: " + context
                    + "\r\nExten: " + exten + "\r\nPriority: 1\r\nUniqueid: " + uniqueId + "\r\nLinkedid: " + linkedId + "\r\n"
                    + extra + "\r\n";
        }
    }
}
