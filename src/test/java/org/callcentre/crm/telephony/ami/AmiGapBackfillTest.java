package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.testing.Eventually;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.calls.ingest.CallEvents;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While the manager connection is down a call happens that only Asterisk's CDR table records: after
 * the reconnect it is read from there and becomes an ordinary call row, once however often the
 * gap is backfilled; a CDR table that cannot be read leaves the gap visibly unresolved.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiGapBackfillTest implements TestPropertyProvider {
    static final String CALL = "1740900000.10";
    /** The Timestamp of inbound-queue-answered's first event. */
    static final long SAMPLE_START = 1740823200L;

    final AmiTestServer asterisk = AmiTestServer.start();
    final CdrDatabase cdr = CdrDatabase.create();

    @Inject
    TestData data;
    @Inject
    ObjectMapper mapper;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    AmiConnector connector;
    @Inject
    CdrBackfill backfill;
    @Inject
    CdrCallTranslator translator;
    @Inject
    CallEvents ingestor;

    @Override
    public Map<String, String> getProperties() {
        return asterisk.connection("crm.ami.ping-interval", "300ms",
                "crm.ami.cdr-jdbc-url", cdr.url(), "crm.ami.cdr-username", "postgres");
    }

    @AfterAll
    void stopAsterisk() {
        asterisk.close();
    }

    @BeforeEach
    void setUp() {
        data.reset();
        ScenarioRows.setUpDirectory(data);
        cdr.clear();
        Eventually.until("AMI is connected", connector::connected);
    }

    @Test
    void aCallOnlyTheCdrTableSawWhileDisconnectedIsBackfilledOnceWithItsOperatorWaitAndTalk() throws Exception {
        asterisk.goDown();
        // The client calls the Kazan DID; 101 rings for a second unanswered, 102 answers and talks 3 s.
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        List<CdrRow> rows = List.of(
                queueRow(start, "PJSIP/101-00000011", 1, 0, "NO ANSWER"),
                queueRow(start, "PJSIP/102-00000012", 4, 3, "ANSWERED"));
        rows.forEach(cdr::insert);
        Eventually.until("the call is over before Asterisk comes back", () -> Instant.now().isAfter(start.plusSeconds(4)));
        asterisk.comeBack();

        Eventually.until("the gap is backfilled", () -> data.count("telephony_gaps WHERE state = 'backfilled'") == 1);
        JsonNode expected = mapper.readValue("""
                {"status":"answered","missedReason":null,"direction":"inbound","operator":"102","clientPhone":"+79161234567",
                 "city":"Казань","rk":"KZN-AVITO","waitSeconds":1,"talkSeconds":3,"holdSeconds":0}""", JsonNode.class);
        ScenarioRows.assertRowMatches(data, "ami", CALL, "backfilled from the CDR", expected);
        Map<String, Object> gap = data.db().queryOne("SELECT started_at, ended_at, cdr_calls, backfilled_calls FROM telephony_gaps",
                rs -> Map.<String, Object>of("start", rs.getTimestamp(1).toInstant(), "end", rs.getTimestamp(2).toInstant(),
                        "cdrCalls", rs.getInt(3), "backfilled", rs.getInt(4))).orElseThrow();
        assertEquals(1, gap.get("cdrCalls"));
        assertEquals(1, gap.get("backfilled"));
        assertTrue(!start.isBefore((Instant) gap.get("start")) && start.plusSeconds(4).isBefore((Instant) gap.get("end")), gap.toString());

        long events = data.count("call_events");
        assertEquals(new CdrBackfill.Result(1, 0), backfill.backfill((Instant) gap.get("start"), (Instant) gap.get("end")));
        ingestor.accept(translator.events(CALL, rows));
        assertEquals(events, data.count("call_events"), "the same CDR events again add none");
        assertEquals(1, data.count("calls"));
    }

    @Test
    void aCallThatEndedWhileDisconnectedGetsItsTalkFromTheCdrNotUpToTheReconnect() throws Exception {
        // inbound-queue-answered: the client calls the Kazan DID, 101 is rung at 10 s and answers at 15 s
        AmiSample sample = AmiSample.named("inbound-queue-answered", mapper);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(50);
        List<AmiSample.Block> blocks = sample.movedBy(start.getEpochSecond() - SAMPLE_START);
        int answered = sample.through("AgentConnect");
        asterisk.replay(blocks.subList(0, answered));
        Eventually.until("the call is answered", () -> data.count("calls WHERE external_id = '" + sample.linkedId() + "' AND status = 'answered'") == 1);
        // It ends 30 s after the answer, while nobody listens; only the CDR table sees it.
        cdr.insert(new CdrRow(start, "79161234567", "78432507713", "from-trunk", "PJSIP/kzn-trunk-00000064",
                "Local/101@from-queue-00000065;1", "Queue", "kzn-avito,t,,,300", 45, 30, "ANSWERED", sample.linkedId(), sample.linkedId()));
        asterisk.happenUnheard(blocks.subList(answered, blocks.size()));
        asterisk.dropConnection();

        Eventually.until("the gap is backfilled", () -> data.count("telephony_gaps WHERE state = 'backfilled'") == 1);
        Eventually.until("the call has its CDR end", () -> data.count("calls WHERE external_id = '" + sample.linkedId()
                + "' AND talk_seconds IS NOT NULL") == 1);
        Map<String, Object> call = data.db().queryOne("SELECT ended_at, talk_seconds, hold_seconds FROM calls WHERE external_id = ?",
                rs -> Map.<String, Object>of("end", rs.getTimestamp(1).toInstant(), "talk", rs.getInt(2), "hold", rs.getInt(3)),
                sample.linkedId()).orElseThrow();
        assertEquals(Map.of("end", start.plusSeconds(45), "talk", 30, "hold", 0), call, "the CDR's end, not the reconnect");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCdrTableThatCannotBeReadLeavesTheGapBackfillFailedOnTheListAndInHealth() {
        cdr.hideTable();
        try {
            asterisk.dropConnection();
            Eventually.until("the backfill has failed", () -> data.count("telephony_gaps WHERE state = 'backfill_failed'") == 1);
        } finally {
            cdr.restoreTable();
        }
        data.user("boss", "admin", null, null);
        Api boss = new Api(client).login("boss", TestData.PASSWORD);

        Map<String, Object> gap = boss.get("/api/telephony/gaps").list().get(0);
        assertEquals("backfill_failed", gap.get("state"));
        assertTrue(String.valueOf(gap.get("error")).contains("cdr"), gap.toString());

        Api.Reply health = boss.get("/health");
        Map<String, Object> ami = (Map<String, Object>) ((Map<String, Object>) health.body().get("details")).get("ami");
        Map<String, Object> unresolved = (Map<String, Object>) ((Map<String, Object>) ami.get("details")).get("lastUnresolvedGap");
        assertEquals("backfill_failed", unresolved.get("state"), health.toString());
        assertEquals(gap.get("start"), unresolved.get("start"));
        assertEquals(gap.get("end"), unresolved.get("end"));
    }

    private static CdrRow queueRow(Instant start, String operatorChannel, long duration, long billsec, String disposition) {
        return new CdrRow(start, "79161234567", "78432507713", "from-trunk", "PJSIP/kzn-trunk-00000010", operatorChannel, "Queue",
                "kazan,t,,,300", duration, billsec, disposition, CALL, CALL);
    }
}
