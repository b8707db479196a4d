package org.callcentre.crm.telephony.mango;

import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.calls.ingest.CallStatus;
import org.callcentre.crm.calls.ingest.CallDirection;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;
import org.callcentre.crm.calls.ingest.CallOutcome;
import org.callcentre.crm.calls.ingest.CallTimeline;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorded Mango scenarios (telephony/samples/mango), translated and folded without a
 * database: what a leg's command_id means, and one talk figure with or without the summary.
 */
class MangoEventTranslatorTest {
    static final ObjectMapper JSON = ObjectMapper.getDefault();
    final MangoEventTranslator translator = new MangoEventTranslator(JSON);

    @Test
    void aLegRoutedOutOfTheIvrByACommandRingsAndIsAnsweredByTheOperator() throws IOException {
        List<CallEvent> events = translate(scenario("routed-from-ivr").webhooks());
        assertTrue(events.stream().anyMatch(e -> e.kind() == CallEventKind.RINGING && "101".equals(e.extension())), events.toString());
        CallOutcome outcome = CallTimeline.fold(events);
        assertEquals(CallDirection.INBOUND, outcome.direction());
        assertEquals(CallStatus.ANSWERED, outcome.status());
        assertEquals("101", outcome.operatorExtension());
        assertEquals(14, outcome.waitSeconds());
        assertEquals(60, outcome.talkSeconds());
    }

    @Test
    void aLegMadeByATransferCommandRingsTheNewOperatorWhoThenOwnsTheCall() throws IOException {
        List<CallEvent> events = translate(scenario("transfer-by-command").webhooks());
        assertTrue(events.stream().anyMatch(e -> e.kind() == CallEventKind.RINGING && "103".equals(e.extension())), events.toString());
        CallOutcome outcome = CallTimeline.fold(events);
        assertEquals(CallDirection.INBOUND, outcome.direction());
        assertEquals("103", outcome.operatorExtension());
    }

    @Test
    void aCallbackLegIsOutboundAndItsRingOnTheOperatorsOwnPhoneIsNoScreenPop() throws IOException {
        List<CallEvent> events = translate(scenario("outbound-click-to-call").webhooks());
        assertTrue(events.stream().noneMatch(e -> e.kind() == CallEventKind.RINGING), events.toString());
        assertEquals(CallDirection.OUTBOUND, CallTimeline.fold(events).direction());
    }

    @Test
    void aCallbackThisServiceSentIsKnownByItsCommandIdAlone() {
        String leg = """
                {"entry_id":"E1","call_id":"A","timestamp":1740823200,"seq":1,"call_state":"Appeared","location":"abonent",
                 "from":{"number":"78432507713"},"to":{"extension":"101","number":"sip:101@vpbx400123456.mangosip.ru"},
                 "command_id":"%s"}""";
        CallEvent ours = translator.translate("events/call", leg.formatted(MangoClickToCall.COMMAND_ID_PREFIX + "1")).get(0);
        assertEquals(CallDirection.OUTBOUND, ours.direction());
        assertEquals(CallEventKind.STARTED, ours.kind());
        CallEvent someoneElses = translator.translate("events/call", leg.formatted("route-1")).get(0);
        assertEquals(CallDirection.INBOUND, someoneElses.direction());
        assertEquals(CallEventKind.RINGING, someoneElses.kind());
    }

    @Test
    void anotherIntegrationsCommandIsACallbackOnlyOnAFreshLegWithNoOutsideCaller() {
        String leg = """
                {"entry_id":"E2","call_id":"B","timestamp":1740823200,"seq":1,"call_state":"Appeared","location":"abonent",
                 "from":{"number":"%s"%s},"to":{"extension":"101","number":"sip:101@vpbx400123456.mangosip.ru",
                 "line_number":"78432507713"},"command_id":"their-cmd-9"}""";
        CallEvent callback = translator.translate("events/call", leg.formatted("78432507713", "")).get(0);
        assertEquals(CallDirection.OUTBOUND, callback.direction());
        assertEquals(CallEventKind.STARTED, callback.kind());
        CallEvent routed = translator.translate("events/call", leg.formatted("79161234567", "")).get(0);
        assertEquals(CallEventKind.RINGING, routed.kind());
        CallEvent taken = translator.translate("events/call", leg.formatted("78432507713", ",\"taken_from_call_id\":\"A\"")).get(0);
        assertEquals(CallDirection.INBOUND, taken.direction());
        assertEquals(CallEventKind.RINGING, taken.kind());
    }

    @Test
    void talkIsTheSameWithTheSummaryFirstLastOrNever() throws IOException {
        for (String name : List.of("blind-transfer", "transfer-by-command", "inbound-queue-answered")) {
            MangoScenario scenario = scenario(name);
            List<MangoScenario.Webhook> calls = scenario.webhooks().stream().filter(w -> w.path().equals("events/call")).toList();
            List<MangoScenario.Webhook> summaryFirst = new ArrayList<>(scenario.webhooks().stream()
                    .filter(w -> w.path().equals("events/summary")).toList());
            summaryFirst.addAll(calls);
            int expected = scenario.expected().get("talkSeconds").getIntValue();
            assertEquals(expected, CallTimeline.fold(translate(scenario.webhooks())).talkSeconds(), name + " with its summary");
            assertEquals(expected, CallTimeline.fold(translate(calls)).talkSeconds(), name + " without its summary");
            assertEquals(expected, CallTimeline.fold(translate(summaryFirst)).talkSeconds(), name + " summary first");
        }
    }

    private List<CallEvent> translate(List<MangoScenario.Webhook> webhooks) {
        List<CallEvent> events = new ArrayList<>();
        webhooks.forEach(w -> events.addAll(translator.translate(w.path(), w.json())));
        return events;
    }

    private static MangoScenario scenario(String name) throws IOException {
        return MangoScenario.all(JSON).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
