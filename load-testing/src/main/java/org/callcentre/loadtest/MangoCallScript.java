package org.callcentre.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * The webhooks Mango Office posts for one inbound call (see {@code telephony/samples/mango}): the
 * IVR leg appears and connects, the call enters the queue, the operator's leg appears (the ring);
 * then either the operator connects, talks and both legs disconnect (eight webhooks with the
 * summary), or the caller hangs up while it rings (seven).
 */
final class MangoCallScript implements Timeline.Script<MangoCallScript.Webhook> {
    /** One POST: the path under {@code /integrations/mango/} and the {@code json} form field. */
    record Webhook(String path, String json) {
    }

    static final int ANSWERED_WEBHOOKS = 8;
    static final int ABANDONED_WEBHOOKS = 7;
    private static final long IVR_MILLIS = 1000;
    private static final long SUMMARY_AFTER_MILLIS = 500;

    private final String runTag;
    private final String lineNumber;
    private final long baseNanos = System.nanoTime();
    private final long baseEpochMillis = System.currentTimeMillis();

    MangoCallScript(String runTag, String lineNumber) {
        this.runTag = runTag;
        this.lineNumber = lineNumber;
    }

    @Override
    public Timeline.Scripted<Webhook> write(PlannedCall call, long startNanos) {
        String entryId = runTag + "-" + call.sequence();
        long epochMillis = baseEpochMillis + (startNanos - baseNanos) / 1_000_000;
        Legs legs = new Legs(entryId, call, epochMillis);
        String queue = "{\"number\":\"" + lineNumber + "\",\"line_number\":\"" + lineNumber + "\",\"acd_group\":\"100\"}";
        String ivr = "{\"number\":\"" + lineNumber + "\",\"line_number\":\"" + lineNumber + "\"}";
        String phone = "\"extension\":\"" + call.extension() + "\",\"number\":\"sip:" + call.extension() + "@vpbx400000000.mangosip.ru\"";
        String operator = "{" + phone + ",\"line_number\":\"" + lineNumber + "\"}";
        long ring = IVR_MILLIS + 100;
        long ringEnd = ring + call.ringMillis();
        List<Timeline.Step<Webhook>> steps = new ArrayList<>(ANSWERED_WEBHOOKS);
        steps.add(legs.leg(0, "a", 1, "Appeared", "ivr", ivr, 0, Timeline.Mark.NONE));
        steps.add(legs.leg(300, "a", 2, "Connected", "ivr", ivr, 0, Timeline.Mark.NONE));
        steps.add(legs.leg(IVR_MILLIS, "a", 3, "Appeared", "queue", queue, 0, Timeline.Mark.NONE));
        steps.add(legs.leg(ring, "b", 4, "Appeared", "abonent", operator, 0, Timeline.Mark.RING));
        long end;
        if (call.answered()) {
            steps.add(legs.leg(ringEnd, "b", 5, "Connected", "abonent", operator, 0, Timeline.Mark.RING_END));
            end = ringEnd + call.talkMillis();
            steps.add(legs.leg(end, "b", 6, "Disconnected", "abonent", operator, 1110, Timeline.Mark.NONE));
            steps.add(legs.leg(end, "a", 7, "Disconnected", "queue", queue, 1110, Timeline.Mark.NONE));
        } else {
            end = ringEnd;
            steps.add(legs.leg(end, "b", 5, "Disconnected", "abonent", operator, 1110, Timeline.Mark.RING_END));
            steps.add(legs.leg(end, "a", 6, "Disconnected", "queue", queue, 1110, Timeline.Mark.NONE));
        }
        String to = call.answered() ? "{" + phone + "}" : "{\"number\":\"" + lineNumber + "\"}";
        steps.add(new Timeline.Step<>(end + SUMMARY_AFTER_MILLIS, new Webhook("events/summary", """
                {"entry_id":"%s","call_direction":1,"from":{"number":"%s"},"to":%s,"line_number":"%s","create_time":%d,\
                "forward_time":%d,"talk_time":%d,"end_time":%d,"entry_result":%d,"disconnect_reason":1110}""".formatted(
                entryId, call.callerNumber(), to, lineNumber, legs.seconds(0), legs.seconds(IVR_MILLIS),
                call.answered() ? legs.seconds(ringEnd) : 0, legs.seconds(end), call.answered() ? 1 : 0)), Timeline.Mark.NONE));
        return new Timeline.Scripted<>(entryId, steps);
    }

    private record Legs(String entryId, PlannedCall call, long epochMillis) {
        long seconds(long offsetMillis) {
            return (epochMillis + offsetMillis) / 1000;
        }

        Timeline.Step<Webhook> leg(long offsetMillis, String leg, int seq, String state, String location, String to, int reason,
                                   Timeline.Mark mark) {
            return new Timeline.Step<>(offsetMillis, new Webhook("events/call", """
                    {"entry_id":"%s","call_id":"%s-%s","timestamp":%d,"seq":%d,"call_state":"%s","location":"%s",\
                    "from":{"number":"%s"},"to":%s%s}""".formatted(entryId, entryId, leg, seconds(offsetMillis), seq, state, location,
                    call.callerNumber(), to, reason == 0 ? "" : ",\"disconnect_reason\":" + reason)), mark);
        }
    }
}
