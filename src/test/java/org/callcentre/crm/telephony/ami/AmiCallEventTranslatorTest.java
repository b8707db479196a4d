package org.callcentre.crm.telephony.ami;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.callcentre.crm.calls.ingest.MissedReason;
import org.callcentre.crm.calls.ingest.CallStatus;
import org.callcentre.crm.calls.ingest.CallDirection;
import org.callcentre.crm.calls.ingest.CallEnding;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;
import org.callcentre.crm.calls.ingest.CallOutcome;
import org.callcentre.crm.calls.ingest.CallTimeline;
import org.callcentre.crm.shared.PhoneNumbers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorded AMI scenarios, parsed by asterisk-java's own reader off a real socket, translated
 * and folded into call outcomes without a database.
 */
class AmiCallEventTranslatorTest {
    static final ObjectMapper JSON = ObjectMapper.getDefault();
    static AmiTestServer server;
    static ManagerConnection connection;
    static final List<ManagerEvent> received = new CopyOnWriteArrayList<>();

    final AmiCallEventTranslator translator = new AmiCallEventTranslator(List.of("from-trunk", "from-pstn", "inbound"));

    @BeforeAll
    static void connect() throws Exception {
        server = AmiTestServer.start();
        connection = new ManagerConnectionFactory("127.0.0.1", server.port(), AmiTestServer.USERNAME, AmiTestServer.SECRET)
                .createManagerConnection();
        connection.addEventListener(received::add);
        connection.login();
    }

    @AfterAll
    static void disconnect() {
        connection.logoff();
        server.close();
    }

    @Test
    void eachSampleFoldsIntoItsExpectedRow() throws Exception {
        for (AmiSample sample : AmiSample.all(JSON)) {
            List<CallEvent> events = translate(sample);
            assertTrue(events.stream().allMatch(e -> e.callKey().equals(sample.linkedId()) && e.source().equals("ami")), sample.name());
            CallOutcome outcome = CallTimeline.fold(events);
            JsonNode want = sample.expected();
            String name = sample.name() + " " + outcome;
            Map<String, Object> got = new HashMap<>();
            got.put("status", outcome.status().value());
            got.put("missedReason", outcome.missedReason() == null ? null : outcome.missedReason().value());
            got.put("direction", outcome.direction().value());
            got.put("operator", outcome.operatorExtension());
            got.put("clientPhone", PhoneNumbers.normalize(outcome.clientNumber()).orElse(null));
            got.put("waitSeconds", outcome.waitSeconds());
            got.put("talkSeconds", outcome.talkSeconds());
            got.put("holdSeconds", outcome.holdSeconds());
            for (Map.Entry<String, Object> figure : got.entrySet()) {
                JsonNode value = want.get(figure.getKey());
                if (value != null) {
                    Object expected = value.isNull() ? null : value.isNumber() ? (Object) value.getIntValue() : value.getStringValue();
                    assertEquals(expected, figure.getValue(), name + " " + figure.getKey());
                }
            }
            // Only a call with the client on the line is on a company number (a campaign); calls between phones are on none.
            JsonNode rk = want.get("rk");
            assertEquals(rk == null || rk.isNull() ? null : "+78432507713", PhoneNumbers.normalize(outcome.companyNumber()).orElse(null), name);
            assertTrue(outcome.ended(), name);
        }
    }

    @Test
    void theOperatorsPhoneRingingIsTheScreenPopMomentAndTheQueueIsKept() throws Exception {
        List<CallEvent> events = translate(AmiSample.named("caller-abandons-in-queue", JSON));
        CallEvent ringing = events.stream().filter(e -> e.kind() == CallEventKind.RINGING).findFirst().orElseThrow();
        assertEquals("101", ringing.extension());
        assertEquals(Instant.parse("2025-03-01T10:00:10.004Z"), ringing.occurredAt());
        CallEvent abandon = events.stream().filter(e -> e.ending() == CallEnding.CALLER_ABANDONED && e.legId() == null).findFirst().orElseThrow();
        assertEquals(40, abandon.waitSeconds());
        assertEquals("kzn-avito", CallTimeline.fold(events).queue());
    }

    @Test
    void theMixMonitorFileIsTheRecording() throws Exception {
        CallOutcome outcome = CallTimeline.fold(translate(AmiSample.named("inbound-queue-answered", JSON)));
        assertEquals("/var/spool/asterisk/monitor/2025/03/01/in-78432507713-79161234567-20250301-130000-1740823200.100.wav",
                outcome.recordingRef());
    }

    @Test
    void aClickToCallTheOperatorDoesNotPickUpIsAMissedOutboundCall() throws Exception {
        List<AmiSample.Block> rung = AmiSample.blocks("""
                Event: Newchannel
                Timestamp: 1740826800.010000
                Channel: PJSIP/101-00000300
                CallerIDNum: 101
                Context: from-internal
                Exten: s
                Uniqueid: 1740826800.700
                Linkedid: 1740826800.700

                Event: DialBegin
                Timestamp: 1740826800.012000
                DestChannel: PJSIP/101-00000300
                DestUniqueid: 1740826800.700
                DestLinkedid: 1740826800.700
                DialString: 101

                Event: DialEnd
                Timestamp: 1740826830.012000
                DestChannel: PJSIP/101-00000300
                DestUniqueid: 1740826800.700
                DestLinkedid: 1740826800.700
                DialStatus: NOANSWER

                Event: Hangup
                Timestamp: 1740826830.020000
                Channel: PJSIP/101-00000300
                Uniqueid: 1740826800.700
                Linkedid: 1740826800.700
                Cause: 19
                Cause-txt: User alerting, no answer
                """);
        CallOutcome outcome = CallTimeline.fold(translate(rung));
        assertEquals(CallDirection.OUTBOUND, outcome.direction());
        assertEquals(CallStatus.MISSED, outcome.status());
        assertEquals(MissedReason.NO_ANSWER, outcome.missedReason());
        assertEquals("101", outcome.operatorExtension());
        assertTrue(outcome.ended());
    }

    @Test
    void eventIdsAreUniqueAndTheSameWhenAnEventComesAgain() throws Exception {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (AmiSample sample : AmiSample.all(JSON)) {
            translate(sample).forEach(e -> first.add(e.eventId()));
            translate(sample).forEach(e -> second.add(e.eventId()));
        }
        assertEquals(first, second);
        assertEquals(first.size(), new HashSet<>(first).size(), "duplicate ids in " + first);
    }

    @Test
    void withoutTimestampTheReceiveTimeIsUsed() {
        HangupEvent hangup = new HangupEvent(this);
        hangup.setUniqueId("1740823200.900");
        hangup.setLinkedId("1740823200.900");
        hangup.setCause(17);
        hangup.setDateReceived(Date.from(Instant.parse("2025-03-01T10:00:03.250Z")));
        CallEvent event = translator.translate(hangup).orElseThrow();
        assertEquals(Instant.parse("2025-03-01T10:00:03.250Z"), event.occurredAt());
        assertEquals(CallEnding.BUSY, event.ending());
        assertEquals("1740823200.900", event.legId());
    }

    @Test
    void anEventWithoutLinkedidBelongsToNoCall() {
        HangupEvent hangup = new HangupEvent(this);
        hangup.setUniqueId("1740823200.901");
        hangup.setCause(16);
        assertEquals(Optional.empty(), translator.translate(hangup));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "PJSIP/101-0000002c, 101",
            "SIP/101-00000003, 101",
            "IAX2/2001-1234, 2001",
            "'Local/101@from-queue-00000001;1', 101",
            "Local/101@from-queue/n, 101",
            "PJSIP/101, 101",
            "PJSIP/kzn-trunk-00000001, -",
            "PJSIP/78432507713-00000001, -",
            "DAHDI/1-1, -"})
    void extensionsAreFoundInChannelsAndMemberInterfaces(String channel, String extension) {
        assertEquals(extension, AmiChannels.extension(channel));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"79161234567@kzn-trunk, 79161234567", "kzn-trunk/79161234567, 79161234567",
            "kzn-trunk/sip:79161234567@sip.example.ru, 79161234567", "101, 101"})
    void theDialledNumberIsReadFromTheDialString(String dialString, String number) {
        assertEquals(number, AmiChannels.dialledNumber(dialString));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"16, -", "0, -", "26, -", "17, BUSY", "19, NO_ANSWER", "21, REJECTED", "20, UNAVAILABLE",
            "1, FAILED", "27, FAILED", "34, FAILED", "38, FAILED"})
    void hangupCausesGiveEndings(int cause, CallEnding ending) {
        assertEquals(ending, AmiEndings.ofHangupCause(cause));
    }

    @Test
    void dialStatusesGiveEndings() {
        assertEquals(CallEnding.BUSY, AmiEndings.ofDialStatus("BUSY", false));
        assertEquals(CallEnding.NO_ANSWER, AmiEndings.ofDialStatus("NOANSWER", true));
        assertEquals(CallEnding.CALLER_ABANDONED, AmiEndings.ofDialStatus("CANCEL", true));
        assertEquals(CallEnding.FAILED, AmiEndings.ofDialStatus("CONGESTION", false));
        assertEquals(CallEnding.UNAVAILABLE, AmiEndings.ofDialStatus("CHANUNAVAIL", true));
        assertEquals(CallEnding.FAILED, AmiEndings.ofDialStatus("CHANUNAVAIL", false));
        assertNull(AmiEndings.ofDialStatus("ANSWER", true));
    }

    private List<CallEvent> translate(AmiSample sample) throws Exception {
        return translate(sample.blocks());
    }

    /** What the reader delivered for the replayed blocks: the Ping answer comes after every event sent before it. */
    private List<CallEvent> translate(List<AmiSample.Block> blocks) throws Exception {
        received.clear();
        server.replay(blocks);
        connection.sendAction(new PingAction());
        List<CallEvent> events = new ArrayList<>();
        for (ManagerEvent event : received) {
            translator.translate(event).ifPresent(events::add);
        }
        return events;
    }
}
