package org.callcentre.crm.telephony.ami;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service is stopped, a call comes and goes that only Asterisk's CDR table sees, and the
 * service starts again: its first login is a reconnect like any other, ending a gap that began
 * when the stopped service had last stored what it heard, so the call is backfilled; the call
 * heard before the stop is not added twice.
 */
class CallsWhileTheServiceWasDownTest {
    final AmiTestServer asterisk = AmiTestServer.start();
    final CdrDatabase cdr = CdrDatabase.create();
    ApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        asterisk.close();
    }

    private ApplicationContext start() {
        Map<String, Object> properties = Map.copyOf(asterisk.connection("crm.ami.ping-interval", "300ms",
                "crm.ami.cdr-jdbc-url", cdr.url(), "crm.ami.cdr-username", "postgres"));
        return ApplicationContext.builder("test").properties(properties).start();
    }

    @Test
    void aCallMadeWhileTheServiceWasStoppedIsBackfilledFromTheCdrAtItsStart() throws Exception {
        service = start();
        TestData data = service.getBean(TestData.class);
        data.reset();
        ScenarioRows.setUpDirectory(data);
        AmiSample heard = AmiSample.named("inbound-queue-answered", service.getBean(ObjectMapper.class));
        asterisk.replay(heard.movedBy(Instant.now().getEpochSecond() - 120 - AmiGapBackfillTest.SAMPLE_START));
        Eventually.until("the call heard live is stored", () -> data.count("calls WHERE ended_at IS NOT NULL") == 1);
        service.close();
        service = null;
        Instant stopped = Instant.now();

        // While nobody listens the client calls the Kazan DID; 101 rings a second unanswered, 102 answers and talks 3 s.
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        List<CdrRow> rows = List.of(
                queueRow(start, "PJSIP/101-00000011", 1, 0, "NO ANSWER"),
                queueRow(start, "PJSIP/102-00000012", 4, 3, "ANSWERED"));
        rows.forEach(cdr::insert);
        Eventually.until("the call is over before the service starts", () -> Instant.now().isAfter(start.plusSeconds(4)));

        service = start();
        TestData again = service.getBean(TestData.class);
        Eventually.until("the gap since the stop is backfilled", () -> again.count("telephony_gaps WHERE state = 'backfilled'") == 1);
        JsonNode expected = service.getBean(ObjectMapper.class).readValue("""
                {"status":"answered","missedReason":null,"direction":"inbound","operator":"102","clientPhone":"+79161234567",
                 "city":"Казань","rk":"KZN-AVITO","waitSeconds":1,"talkSeconds":3,"holdSeconds":0}""", JsonNode.class);
        ScenarioRows.assertRowMatches(again, "ami", AmiGapBackfillTest.CALL, "backfilled after the restart", expected);
        ScenarioRows.assertRowMatches(again, "ami", heard.linkedId(), "heard before the stop", heard.expected());
        assertEquals(2, again.count("calls"), "the call heard before the stop is not backfilled again");
        Map<String, Object> gap = again.db().queryOne("SELECT started_at, ended_at, reason FROM telephony_gaps",
                rs -> Map.<String, Object>of("start", rs.getTimestamp(1).toInstant(), "end", rs.getTimestamp(2).toInstant(),
                        "reason", rs.getString(3))).orElseThrow();
        assertTrue(!((Instant) gap.get("start")).isAfter(stopped) && ((Instant) gap.get("end")).isAfter(start.plusSeconds(4)),
                "from the stop (or before) to the new login: " + gap);
        assertTrue(String.valueOf(gap.get("reason")).contains("not listening"), gap.toString());
    }

    private static CdrRow queueRow(Instant start, String operatorChannel, long duration, long billsec, String disposition) {
        return new CdrRow(start, "79161234567", "78432507713", "from-trunk", "PJSIP/kzn-trunk-00000010", operatorChannel, "Queue",
                "kazan,t,,,300", duration, billsec, disposition, AmiGapBackfillTest.CALL, AmiGapBackfillTest.CALL);
    }
}
