package org.callcentre.crm.stats;

import org.callcentre.crm.testing.ServiceProcess;
import org.callcentre.loadtest.DataGenerator;
import org.callcentre.loadtest.StatsBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load tools of {@code load-testing/} on the current schema and API, the way
 * {@code generate-stats-data.sh} and {@code run-stats-benchmark.sh} use them (on the packaged jar), at a
 * small size: the generator fills a fresh service's database, the service rebuilds its rollups at the next start,
 * and the benchmark asks every statistics endpoint and the call list. Counts are checked, never
 * timings: a migration or an API change that breaks the tools fails here, not in the next 10 M run.
 */
class GeneratedCentreBenchmarkIT {
    private static final int CALLS = 20_000;

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedCentreIsLoadedCountedByTheRebuiltRollupsAndBenchmarkedWithoutAFailedRequest() throws Exception {
        try (ServiceProcess service = new ServiceProcess(dataDir, Map.of())) {
            service.start();
            String jdbc = "jdbc:postgresql://127.0.0.1:" + service.embeddedPostgresPort() + "/postgres";
            DataGenerator.main(new String[] {"jdbc=" + jdbc, "user=postgres", "calls=" + CALLS, "orders=4000", "clients=20000",
                    "days=60", "seed=7"});
            try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
                assertEquals(CALLS, count(db, "SELECT count(*) FROM calls"));
                // started and ended for every call, answered for the answered ones, each in its month's partition
                assertEquals(count(db, "SELECT 2 * count(*) + count(answered_at) FROM calls"), count(db, "SELECT count(*) FROM call_events"));
                assertEquals(0, count(db, "SELECT count(*) FROM call_events_default"));
                assertEquals(20_000, count(db, "SELECT count(*) FROM clients"));
                assertEquals(20_000, count(db, "SELECT count(*) FROM client_phones"));
                assertEquals(300, count(db, "SELECT count(*) FROM operators WHERE role = 'operator'"));
                long orders = count(db, "SELECT count(*) FROM orders");
                assertTrue(orders > 3_000 && orders < 5_000, orders + " orders");
                assertEquals(orders, count(db, "SELECT count(*) FROM calls c JOIN orders o ON o.id = c.order_id AND o.call_id = c.id"));
            }

            service.stop();
            service.start();
            jdbc = "jdbc:postgresql://127.0.0.1:" + service.embeddedPostgresPort() + "/postgres";
            assertTrue(service.log().contains("Rebuilding statistics rollups"), "the rollups are rebuilt at the start after the load");
            // the service serves while it counts (online); a bound for a hung rebuild, not a timing
            for (int i = 0; i < 1200 && !service.log().contains("Statistics rollups rebuilt"); i++) {
                Thread.sleep(100);
            }
            assertTrue(service.log().contains("Statistics rollups rebuilt"), "the online rebuild ended");
            try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
                assertEquals(count(db, "SELECT count(*) FROM calls WHERE direction = 'inbound' AND status <> 'ringing'"),
                        count(db, "SELECT sum(inbound) FROM stats_call_campaign_day"));
                assertEquals(count(db, "SELECT count(*) FROM calls WHERE direction = 'outbound' AND status <> 'ringing'"),
                        count(db, "SELECT sum(outbound) FROM stats_call_campaign_day"));
                assertEquals(count(db, "SELECT count(*) FROM orders"), count(db, "SELECT sum(orders) FROM stats_order_campaign_day"));
            }

            // throws on any request not answered 200 and on a baseline that disagrees with /overall
            Map<String, Integer> answered = StatsBenchmark.run("service=" + service.uri(""), "adminPassword=" + ServiceProcess.ADMIN_PASSWORD,
                    "jdbc=" + jdbc, "threads=1", "requests=3", "callThreads=2", "callSeconds=1", "baselineRuns=1", "warmUpRounds=0");
            for (String range : new String[] {"month", "quarter", "year"}) {
                for (String endpoint : new String[] {"my", "operator/{id}", "overall", "operators", "operators %s city", "kpi", "kpi %s city",
                        "cities", "campaigns"}) {
                    String scenario = endpoint.contains("%s") ? String.format(endpoint, range) : endpoint + " " + range;
                    assertEquals(6, answered.get(scenario), scenario + ": three first asks and three cached");
                }
            }
            assertEquals(6, answered.get("wallboard"));
            for (String list : new String[] {"city + month", "operator + month", "city + status missed + month", "one day, no other filter",
                    "city + month, the page after a cursor", "trivial authenticated GET /api/operators/me"}) {
                assertTrue(answered.get(list) > 0, list);
            }
            assertEquals(9 * 3 + 1 + 6, answered.size(), answered.keySet().toString());
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
