package org.callcentre.crm.telephony.ami;

import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the packaged service while AMI events it has received are still being stored,
 * Asterisk going on meanwhile, then a start on the same data: the restart's reconciliation (legs
 * found gone), the gap dated from the listened mark and its CDR backfill leave every call with the
 * row the same call has when the service heard it all. The traffic, over a real manager socket:
 * the recorded {@code inbound-queue-answered} and {@code no-answer-then-another-operator} calls, as
 * many copies with their own channels and ids; first a fault-free run, then the same calls again:
 * some heard, one answered before the kill and ending after the restart, a burst the kill cuts
 * into, and some made entirely while the service is down. Asterisk writes a CDR row when a call ends.
 */
class AmiEventsSurviveAKillIT {
    private static final int CALLS = 80;
    private static final int HEARD = 6;
    /** Answered before the kill, ends after the restart. */
    private static final int SPANNING = HEARD;
    private static final int BURST_END = 66;
    private static final int KILLED_RUN = 1000;
    private static final Pattern ID = Pattern.compile("(\\d{10})(\\.\\d+)");
    private static final Pattern CHANNEL_NUMBER = Pattern.compile("-([0-9a-f]{8})(;\\d)?$");
    private static final Set<String> ID_HEADERS = Set.of("uniqueid", "linkedid", "destuniqueid", "destlinkedid");
    private static final Set<String> CHANNEL_HEADERS = Set.of("channel", "destchannel");

    @TempDir
    Path dataDir;

    private final ObjectMapper json = ObjectMapper.getDefault();

    /** One copy of a recorded call: its blocks and the CDR rows Asterisk writes when it ends. */
    private record Call(String linkedId, long start, List<AmiSample.Block> blocks, List<CdrRow> cdr) {
    }

    @Test
    void aKillBetweenReceivingAndStoringEndsWithTheRowsOfAFaultFreeRun() throws Exception {
        CdrDatabase cdr = CdrDatabase.create();
        cdr.clear();
        long base = Instant.now().minus(30, ChronoUnit.MINUTES).getEpochSecond();
        List<Call> faultFree = calls(0, base);
        List<Call> killed = calls(KILLED_RUN, base + 3L * CALLS);
        try (AmiTestServer asterisk = AmiTestServer.start();
             ServiceProcess service = new ServiceProcess(dataDir, Map.of(
                     "CRM_AMI_HOST", "127.0.0.1", "CRM_AMI_PORT", String.valueOf(asterisk.port()),
                     "CRM_AMI_USERNAME", AmiTestServer.USERNAME, "CRM_AMI_SECRET", AmiTestServer.SECRET,
                     "CRM_AMI_PING_INTERVAL", "1s", "CRM_AMI_CDR_JDBC_URL", cdr.url(), "CRM_AMI_CDR_USERNAME", "postgres",
                     // the calls' PBX times lie up to an hour back: the backfill must look that far around a gap
                     "CRM_AMI_CDR_MARGIN", "2h"))) {
            long began = System.nanoTime();
            service.start();
            phase("started", began);
            setUpDirectory(service);
            asterisk.awaitAction("Login", 1, java.time.Duration.ofSeconds(30));

            for (Call call : faultFree) {
                asterisk.replay(call.blocks());
                call.cdr().forEach(cdr::insert);
            }
            awaitEnded(service, faultFree, faultFree.size());
            phase("fault-free run stored", began);

            for (Call call : killed.subList(0, HEARD)) {
                asterisk.replay(call.blocks());
                call.cdr().forEach(cdr::insert);
            }
            Call spanning = killed.get(SPANNING);
            int answered = answeredThrough(spanning);
            asterisk.replay(spanning.blocks().subList(0, answered));
            awaitEnded(service, killed.subList(0, HEARD), HEARD);
            Eventually.until("the spanning call is answered", () -> query(service, "SELECT count(*) FROM calls WHERE external_id = '"
                    + spanning.linkedId() + "' AND status = 'answered'") == 1);

            List<Call> burst = killed.subList(SPANNING + 1, BURST_END);
            for (Call call : burst) {
                asterisk.replay(call.blocks());
            }
            int embeddedPort = service.embeddedPostgresPort();
            service.kill();
            burst.forEach(call -> call.cdr().forEach(cdr::insert));
            // the orphaned embedded PostgreSQL outlives the JVM: what the killed service had stored of the burst
            long begun = query(embeddedPort, "SELECT count(*) FROM calls WHERE external_id IN " + keys(burst));
            long ended = query(embeddedPort, "SELECT count(*) FROM calls WHERE ended_at IS NOT NULL AND external_id IN " + keys(burst));
            System.out.printf("AMI kill: of %d calls sent in the burst, %d had a row and %d had ended when the service was killed%n",
                    burst.size(), begun, ended);
            assertTrue(ended < burst.size(), "the kill came while the burst was being stored: " + ended + " of " + burst.size() + " stored");

            for (Call call : killed.subList(BURST_END, CALLS)) {
                asterisk.happenUnheard(call.blocks());
                call.cdr().forEach(cdr::insert);
            }

            phase("killed and calls made while down", began);
            service.start();
            phase("restarted", began);
            asterisk.replay(spanning.blocks().subList(answered, spanning.blocks().size()));
            spanning.cdr().forEach(cdr::insert);
            awaitEnded(service, killed, CALLS);
            Eventually.until("the gap since the kill is backfilled",
                    () -> query(service, "SELECT count(*) FROM telephony_gaps WHERE state = 'backfilled'") >= 1);
            awaitEnded(service, killed, CALLS);

            phase("backfilled", began);
            assertEquals(2L * CALLS, query(service, "SELECT count(*) FROM calls"), "one row per call, none doubled");
            for (int i = 0; i < CALLS; i++) {
                assertEquals(row(service, faultFree.get(i)), row(service, killed.get(i)),
                        "call " + i + " (" + (i < HEARD ? "heard" : i == SPANNING ? "answered before the kill, ended after"
                                : i < BURST_END ? "in the burst the kill cut into" : "made while the service was down") + ")");
            }
        }
    }

    /** Where the time goes, printed: no assertion on it. */
    private static void phase(String what, long began) {
        System.out.printf("AMI kill test: %s after %.1f s%n", what, (System.nanoTime() - began) / 1e9);
    }

    /** Kazan, campaign KZN-AVITO on +7 843 250-77-13, operators 101 and 102, as the samples expect. */
    private static void setUpDirectory(ServiceProcess service) throws Exception {
        String token = service.login();
        service.post(token, "/api/cities", "{\"name\":\"Казань\",\"timezone\":\"Europe/Moscow\"}");
        service.post(token, "/api/campaigns", "{\"rk\":\"KZN-AVITO\",\"city\":\"Казань\",\"phoneAts\":\"+78432507713\",\"source\":\"avito\"}");
        for (String extension : List.of("101", "102")) {
            service.post(token, "/api/operators", """
                    {"login":"op%s","password":"long-enough-password","name":"Оператор %s","role":"operator","city":"Казань",\
                    "sipAddress":"%s"}""".formatted(extension, extension, extension));
        }
    }

    /** Copies of the two recorded calls, alternating, each 3 s after the one before, with ids of their own. */
    private List<Call> calls(int firstCopy, long firstStart) throws IOException {
        AmiSample answered = AmiSample.named("inbound-queue-answered", json);
        AmiSample secondOperator = AmiSample.named("no-answer-then-another-operator", json);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            int copy = firstCopy + i;
            long start = firstStart + 3L * i;
            AmiSample sample = i % 2 == 0 ? answered : secondOperator;
            String linkedId = renumberId(sample.linkedId(), copy);
            List<AmiSample.Block> blocks = copy(sample.movedBy(start - AmiGapBackfillTest.SAMPLE_START), copy);
            Instant at = Instant.ofEpochSecond(start);
            // what cdr_pgsql writes for the recorded calls (their descriptions): the caller's trunk leg, one row per member rung
            List<CdrRow> cdr = i % 2 == 0
                    ? List.of(row(at, linkedId, "Local/101@from-queue-00000065;1", 110, 95, "ANSWERED"))
                    : List.of(row(at, linkedId, "Local/101@from-queue-0000012d;1", 25, 0, "NO ANSWER"),
                              row(at, linkedId, "Local/102@from-queue-00000130;1", 90, 60, "ANSWERED"));
            calls.add(new Call(linkedId, start, blocks, cdr));
        }
        return calls;
    }

    private static CdrRow row(Instant start, String linkedId, String member, long duration, long billsec, String disposition) {
        return new CdrRow(start, "79161234567", "78432507713", "from-trunk", "PJSIP/kzn-trunk-00000064", member, "Queue",
                "kzn-avito,t,,,300", duration, billsec, disposition, linkedId, linkedId);
    }

    /** The blocks with ids and channel numbers of this copy, so that copies never share a channel or a call key. */
    private static List<AmiSample.Block> copy(List<AmiSample.Block> blocks, int copy) {
        return blocks.stream().map(block -> new AmiSample.Block(block.headers().stream().map(h -> {
            String name = h.getKey().toLowerCase();
            if (ID_HEADERS.contains(name)) {
                return Map.entry(h.getKey(), renumberId(h.getValue(), copy));
            }
            if (CHANNEL_HEADERS.contains(name)) {
                Matcher m = CHANNEL_NUMBER.matcher(h.getValue());
                if (m.find()) {
                    String number = "%08x".formatted(Long.parseLong(m.group(1), 16) + 0x10000L * copy);
                    return Map.entry(h.getKey(), h.getValue().substring(0, m.start()) + "-" + number + (m.group(2) == null ? "" : m.group(2)));
                }
            }
            return h;
        }).toList())).toList();
    }

    private static String renumberId(String id, int copy) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return id;
        }
        return (Long.parseLong(m.group(1)) + 1000L * copy) + m.group(2);
    }

    private static int answeredThrough(Call call) {
        for (int i = 0; i < call.blocks().size(); i++) {
            if ("AgentConnect".equals(call.blocks().get(i).event())) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no AgentConnect");
    }

    private static void awaitEnded(ServiceProcess service, List<Call> calls, int count) {
        Eventually.until(count + " calls ended", () -> query(service, "SELECT count(*) FROM calls WHERE ended_at IS NOT NULL AND external_id IN "
                + keys(calls)) == count);
    }

    private static String keys(List<Call> calls) {
        return calls.stream().map(c -> "'" + c.linkedId() + "'").reduce((a, b) -> a + "," + b).map(k -> "(" + k + ")").orElseThrow();
    }

    /** The call as people see it: times relative to the call's own start, at the second, as the CDR has them. */
    private static Map<String, Object> row(ServiceProcess service, Call call) throws Exception {
        try (Connection db = connect(service.embeddedPostgresPort()); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT c.status, c.missed_reason, c.direction, o.sip_address, c.operator_extension, c.client_phone, ci.name AS city,
                            c.rk, c.queue, c.wait_seconds, c.talk_seconds, c.hold_seconds, c.client_id IS NOT NULL AS client_linked,
                            floor(extract(epoch FROM c.created_at)) AS created, floor(extract(epoch FROM c.answered_at)) AS answered,
                            floor(extract(epoch FROM c.ended_at)) AS ended
                     FROM calls c LEFT JOIN operators o ON o.id = c.operator_id LEFT JOIN cities ci ON ci.id = c.city_id
                     WHERE c.source = 'ami' AND c.external_id = '%s'""".formatted(call.linkedId()))) {
            assertTrue(rs.next(), "no row for " + call.linkedId());
            Map<String, Object> row = new LinkedHashMap<>();
            for (String column : List.of("status", "missed_reason", "direction", "sip_address", "operator_extension", "client_phone",
                    "city", "rk", "queue", "wait_seconds", "talk_seconds", "hold_seconds", "client_linked")) {
                row.put(column, rs.getObject(column));
            }
            for (String time : List.of("created", "answered", "ended")) {
                BigDecimal epoch = rs.getBigDecimal(time);
                row.put(time, epoch == null ? null : epoch.longValue() - call.start());
            }
            return row;
        }
    }

    private static long query(ServiceProcess service, String sql) {
        try {
            return query(service.embeddedPostgresPort(), sql);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long query(int port, String sql) {
        try (Connection db = connect(port); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }
}
