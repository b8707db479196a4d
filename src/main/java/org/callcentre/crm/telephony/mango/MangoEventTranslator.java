package org.callcentre.crm.telephony.mango;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallDirection;
import org.callcentre.crm.calls.ingest.CallEnding;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;
import org.callcentre.crm.telephony.inbox.InboxTranslator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Mango Office webhooks ({@code events/call}, {@code events/summary}, {@code events/recording})
 * as domain call events. The only place that knows Mango's field names.
 */
@Singleton
public class MangoEventTranslator implements InboxTranslator {
    static final String SOURCE = "mango";
    private final ObjectMapper json;

    public MangoEventTranslator(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<CallEvent> translate(String eventType, String payload) {
        return translate(eventType, parse(payload));
    }

    /** The same for a payload already parsed (at receipt: each webhook is parsed once). */
    List<CallEvent> translate(String eventType, JsonNode node) {
        return switch (eventType) {
            case "events/call" -> List.of(callEvent(node));
            case "events/summary" -> summary(node);
            case "events/recording" -> recording(node);
            default -> List.of();
        };
    }

    JsonNode parse(String payload) {
        try {
            JsonNode node = json.readValue(payload, JsonNode.class);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("json must be an object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("json is not valid JSON: " + e.getMessage());
        }
    }

    private CallEvent callEvent(JsonNode e) {
        String entryId = MangoJson.required(e, "entry_id");
        String callId = MangoJson.required(e, "call_id");
        String state = MangoJson.required(e, "call_state");
        long seq = MangoJson.number(e, "seq");
        String fromExtension = MangoJson.text(e, "from", "extension");
        String toExtension = MangoJson.text(e, "to", "extension");
        CallDirection direction = callbackLeg(e) ? CallDirection.OUTBOUND
                : fromExtension != null ? (toExtension != null ? CallDirection.INTERNAL : CallDirection.OUTBOUND) : CallDirection.INBOUND;
        boolean outbound = direction == CallDirection.OUTBOUND;
        String extension = outbound ? (fromExtension != null ? fromExtension : toExtension)
                : (toExtension != null ? toExtension : fromExtension);

        CallEventKind kind = switch (state) {
            case "Appeared" -> !outbound && toExtension != null ? CallEventKind.RINGING : CallEventKind.STARTED;
            // Connected means a person picked up: an operator on an inbound leg, the outside party on an
            // outbound one. An IVR or the operator's own callback leg connecting is not an answer.
            case "Connected" -> (outbound ? toExtension == null : toExtension != null) ? CallEventKind.ANSWERED : CallEventKind.STARTED;
            case "OnHold" -> CallEventKind.HELD;
            case "Disconnected" -> CallEventKind.ENDED;
            default -> throw new IllegalArgumentException("unknown call_state " + state);
        };
        long reason = MangoJson.number(e, "disconnect_reason");
        return CallEvent.builder(SOURCE, entryId, "call:" + callId + ":" + seq + ":" + state,
                        Instant.ofEpochSecond(MangoJson.time(e, "timestamp")), kind)
                .leg(callId)
                .sequence(seq)
                .direction(direction)
                .caller(externalNumber(fromExtension, MangoJson.text(e, "from", "number")))
                .called(externalNumber(toExtension, MangoJson.text(e, "to", "number")))
                .extension(extension)
                .companyNumber(MangoJson.text(e, "to", "line_number"))
                .queue(MangoJson.text(e, "to", "acd_group"))
                .disconnectReason(reason == 0 ? null : String.valueOf(reason))
                .ending(kind == CallEventKind.ENDED ? MangoDisconnectReasons.ending(reason) : null)
                .build();
    }

    /**
     * Whether this leg belongs to a callback (click-to-call), where Mango rings the operator's own phone
     * before it dials the client. {@code command_id} alone does not say so: Mango puts the id of any
     * command on the legs it makes — a route out of the IVR or a transfer too, whose leg rings an
     * operator for a caller already on the line and is that caller's ring and answer. In order:
     * <ul>
     *   <li>{@code callback_initiator} is set on callback legs only;</li>
     *   <li>a callback command this service sent is known by its id ({@link MangoClickToCall});</li>
     *   <li>a leg {@code taken_from_call_id} another leg continues a call that exists (route, transfer,
     *       pickup): never a callback;</li>
     *   <li>another integration's command on a fresh leg is a callback only when no outside caller is on
     *       it: Mango presents a callback to the operator from the company's line (or from nobody),
     *       while a routed caller keeps their own number.</li>
     * </ul>
     */
    private static boolean callbackLeg(JsonNode e) {
        String commandId = MangoJson.text(e, "command_id");
        if (MangoJson.text(e, "callback_initiator") != null
                || (commandId != null && commandId.startsWith(MangoClickToCall.COMMAND_ID_PREFIX))) {
            return true;
        }
        if (commandId == null || MangoJson.text(e, "from", "taken_from_call_id") != null) {
            return false;
        }
        String fromNumber = MangoJson.text(e, "from", "number");
        return fromNumber == null || fromNumber.equals(MangoJson.text(e, "to", "line_number"));
    }

    /** The party's number when it is outside the company; extensions and SIP URIs are not clients. */
    private static String externalNumber(String extension, String number) {
        if (extension != null || number == null || number.startsWith("sip:") || number.contains("@")) {
            return null;
        }
        return number;
    }

    /**
     * Mango's closing account of a call; its times are the ones statistics are built on. It gives the
     * answer and the end, not a talk figure: {@code end_time − talk_time} would count the time on hold
     * as talk, so talk follows from these times less the hold the call events reported — the same
     * figure whether the summary comes first, last or never.
     */
    private List<CallEvent> summary(JsonNode s) {
        String entryId = MangoJson.required(s, "entry_id");
        long created = MangoJson.time(s, "create_time");
        long talk = MangoJson.time(s, "talk_time");
        long end = MangoJson.time(s, "end_time");
        if (created == 0 || end == 0) {
            throw new IllegalArgumentException("summary without create_time or end_time");
        }
        CallDirection direction = switch ((int) MangoJson.number(s, "call_direction")) {
            case 0 -> CallDirection.INTERNAL;
            case 2 -> CallDirection.OUTBOUND;
            default -> CallDirection.INBOUND;
        };
        String extension = direction == CallDirection.OUTBOUND ? MangoJson.text(s, "from", "extension") : MangoJson.text(s, "to", "extension");
        boolean answered = MangoJson.number(s, "entry_result") == 1 && talk > 0;
        long reason = MangoJson.number(s, "disconnect_reason");
        String company = MangoJson.text(s, "line_number");
        List<CallEvent> events = new ArrayList<>();
        events.add(CallEvent.builder(SOURCE, entryId, "summary:" + entryId + ":start", Instant.ofEpochSecond(created), CallEventKind.STARTED)
                .direction(direction)
                .caller(externalNumber(MangoJson.text(s, "from", "extension"), MangoJson.text(s, "from", "number")))
                .called(externalNumber(MangoJson.text(s, "to", "extension"), MangoJson.text(s, "to", "number")))
                .companyNumber(company)
                .build());
        if (answered) {
            events.add(CallEvent.builder(SOURCE, entryId, "summary:" + entryId + ":answer", Instant.ofEpochSecond(talk), CallEventKind.ANSWERED)
                    .extension(extension).build());
        }
        CallEnding ending = answered ? CallEnding.NORMAL : MangoDisconnectReasons.ending(reason);
        events.add(CallEvent.builder(SOURCE, entryId, "summary:" + entryId + ":end", Instant.ofEpochSecond(end), CallEventKind.SUMMARY)
                .extension(answered ? extension : null)
                .waitSeconds((int) Math.max(0, (answered ? talk : end) - created))
                .disconnectReason(reason == 0 ? null : String.valueOf(reason))
                .ending(ending == null && !answered ? CallEnding.NORMAL : ending)
                .build());
        return events;
    }

    private List<CallEvent> recording(JsonNode r) {
        if (!"Completed".equals(MangoJson.text(r, "recording_state"))) {
            return List.of();
        }
        String entryId = MangoJson.required(r, "entry_id");
        String recordingId = MangoJson.required(r, "recording_id");
        long at = MangoJson.time(r, "timestamp");
        return List.of(CallEvent.builder(SOURCE, entryId, "recording:" + recordingId,
                        at == 0 ? Instant.now() : Instant.ofEpochSecond(at), CallEventKind.RECORDING_READY)
                .recording("mango:" + recordingId)
                .build());
    }
}
