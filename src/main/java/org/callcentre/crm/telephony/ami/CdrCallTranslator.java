package org.callcentre.crm.telephony.ami;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallDirection;
import org.callcentre.crm.calls.ingest.CallEnding;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The CDR rows of a call the manager connection never heard, as the domain events AMI would have
 * given: source {@code ami} and the same call key ({@code Linkedid}), so that both describe one
 * call. Event ids are {@code cdr:<uniqueid>:…} and follow from the rows alone, so reading the same
 * rows again adds nothing.
 *
 * <ul>
 *   <li>STARTED at the call's first row, with what its first channel says ({@link AmiCallOrigin}).</li>
 *   <li>RINGING for each row whose party B is an operator's phone ({@code PJSIP/101-0000002c}).</li>
 *   <li>ANSWERED for each ANSWERED row that has someone to talk to: the operator rung, or on an
 *       operator's own outbound call the operator who dialled. An ANSWERED row without a party B is
 *       the PBX answering (IVR, queue music), not a person.</li>
 *   <li>SUMMARY at the last hang-up, with wait = first answer − start (for a one-row call
 *       {@code duration − billsec}); talk follows from the answer and this end, as for every call. A call
 *       nobody answered ends as its last row's disposition says: BUSY busy, FAILED failed, otherwise
 *       missed, no answer if a phone rang or it was an outbound call, else the caller gave up.</li>
 * </ul>
 */
@Singleton
class CdrCallTranslator {
    /** Down to the dialled channel, so that the same rows make the same events in the same order however they were read. */
    private static final Comparator<CdrRow> BY_START = Comparator.comparing(CdrRow::start).thenComparing(CdrRow::uniqueid)
            .thenComparing(row -> Objects.toString(row.dstchannel(), ""));

    private final Set<String> trunkContexts;

    @Inject
    CdrCallTranslator(AmiSettings settings) {
        this(settings.trunkContexts());
    }

    CdrCallTranslator(Collection<String> trunkContexts) {
        this.trunkContexts = Set.copyOf(trunkContexts);
    }

    /** Rows grouped by call key, calls in the order they began. */
    static Map<String, List<CdrRow>> byCall(List<CdrRow> rows) {
        Map<String, List<CdrRow>> calls = new LinkedHashMap<>();
        rows.stream().sorted(BY_START).forEach(row -> calls.computeIfAbsent(row.callKey(), k -> new ArrayList<>()).add(row));
        return calls;
    }

    /** @param rows every row of one call */
    List<CallEvent> events(String callKey, List<CdrRow> rows) {
        List<CdrRow> timeline = rows.stream().sorted(BY_START).toList();
        CdrRow first = timeline.get(0);
        CdrRow origin = timeline.stream().filter(r -> callKey.equals(r.uniqueid())).findFirst().orElse(first);
        CallEvent.Builder started = AmiCallOrigin.describe(event(callKey, origin, "started", first.start(), CallEventKind.STARTED),
                trunkContexts, origin.channel(), origin.dcontext(), origin.src(), origin.dst());
        CallEvent start = started.build();

        List<CallEvent> events = new ArrayList<>(List.of(start));
        Instant firstAnswer = null;
        boolean operatorRang = false;
        for (CdrRow row : timeline) {
            String rung = AmiChannels.extension(row.dstchannel());
            if (rung != null) {
                operatorRang = true;
                events.add(event(callKey, row, row.dstchannel() + ":ringing", row.start(), CallEventKind.RINGING).extension(rung).build());
            }
            String talking = talkingOperator(row, rung);
            if (talking != null) {
                events.add(event(callKey, row, row.dstchannel() + ":answered", row.answeredAt(), CallEventKind.ANSWERED)
                        .extension(talking).build());
                firstAnswer = firstAnswer == null || row.answeredAt().isBefore(firstAnswer) ? row.answeredAt() : firstAnswer;
            }
        }

        Instant end = timeline.stream().map(CdrRow::end).max(Comparator.naturalOrder()).orElseThrow();
        CallEvent.Builder summary = event(callKey, origin, "summary", end, CallEventKind.SUMMARY)
                .queue(timeline.stream().map(CdrRow::queue).filter(Objects::nonNull).findFirst().orElse(null));
        if (firstAnswer != null) {
            summary.waitSeconds(seconds(first.start(), firstAnswer));
        } else {
            boolean outbound = start.direction() == CallDirection.OUTBOUND;
            summary.waitSeconds(seconds(first.start(), end))
                    .ending(unanswered(timeline.get(timeline.size() - 1), operatorRang || outbound));
        }
        events.add(summary.build());
        return events;
    }

    /** Who talked on an ANSWERED row: the operator rung, else the operator whose phone placed the call. */
    private static String talkingOperator(CdrRow row, String rung) {
        if (!row.answered() || row.dstchannel() == null || row.dstchannel().isBlank()) {
            return null;
        }
        return rung != null ? rung : AmiChannels.extension(row.channel());
    }

    private static CallEnding unanswered(CdrRow last, boolean someoneWasRung) {
        return switch (last.disposition() == null ? "" : last.disposition()) {
            case "BUSY" -> CallEnding.BUSY;
            case "FAILED", "CONGESTION" -> CallEnding.FAILED;
            default -> someoneWasRung ? CallEnding.NO_ANSWER : CallEnding.CALLER_ABANDONED;
        };
    }

    private static CallEvent.Builder event(String callKey, CdrRow row, String what, Instant at, CallEventKind kind) {
        return CallEvent.builder(AmiCallEventTranslator.SOURCE, callKey, "cdr:" + row.uniqueid() + ":" + what, at, kind);
    }

    private static int seconds(Instant from, Instant to) {
        return (int) Math.max(0, Duration.between(from, to).toSeconds());
    }
}
