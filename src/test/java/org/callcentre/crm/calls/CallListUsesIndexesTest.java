package org.callcentre.crm.calls;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.callcentre.crm.shared.SqlFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.callcentre.crm.calls.CallListFiltersTest.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance point of the calls list: on two years of calls, a filtered month is read through
 * the filter's own index, never by scanning the table. The plans checked are those of the very
 * statements the list runs.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallListUsesIndexesTest {
    private static final int CALLS = 200_000;
    private static final String JANUARY = "dateFrom=2025-01-01&dateTo=2025-01-31";
    // January 2025 in Moscow, the zone of plain dates when no city is given
    private static final String JANUARY_UTC = "created_at >= '2024-12-31T21:00:00Z' AND created_at < '2025-01-31T21:00:00Z'";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    CallRepository repository;
    @Inject
    CallService service;
    Api admin;
    List<Long> operators;
    long moscow;

    @BeforeAll
    void fillTwoYearsOfCalls() {
        data.reset();
        moscow = data.city("Москва", "Europe/Moscow");
        List<Long> cities = List.of(moscow, data.city("Новосибирск", "Asia/Novosibirsk"),
                data.city("Владивосток", "Asia/Vladivostok"));
        operators = List.of(0, 1, 2, 3, 4, 5, 6).stream()
                .map(i -> data.user("op" + i, "operator", cities.get(i % cities.size()), String.valueOf(200 + i)))
                .toList();
        data.user("boss", "admin", null, null);
        // One call every 315 s from July 2023 spans two years; operator (g % 7) and status (g % 5)
        // vary independently, and each call is in its operator's city.
        data.db().update("INSERT INTO calls (source, external_id, city_id, client_phone, ats_phone, direction, status, "
                        + "operator_id, created_at) "
                        + "SELECT 'mango', 'bulk-' || g, o.city_id, '+7916' || lpad((g % 10000000)::text, 7, '0'), "
                        + "'+74950000000', (ARRAY['inbound', 'outbound'])[1 + g % 2], "
                        + "(ARRAY['answered', 'missed', 'busy', 'failed', 'ringing'])[1 + g % 5], o.id, "
                        + "timestamptz '2023-07-01T00:00:00Z' + g * interval '315 seconds' "
                        + "FROM generate_series(1, ?) g JOIN operators o ON o.id = (?::bigint[])[1 + g % 7]",
                CALLS, operators);
        // What autovacuum does to a table grown by inserts: the planner costs index-only scans by the
        // visibility map that VACUUM sets. VACUUM marks a page only once its inserts are flushed, and the
        // embedded server commits asynchronously, so the CHECKPOINT stands in for the moment a live
        // server's WAL writer would take.
        data.db().update("CHECKPOINT");
        data.db().update("VACUUM ANALYZE calls");
        admin = new Api(client).login("boss", TestData.PASSWORD);
    }

    @AfterAll
    void emptyTheTables() {
        data.reset();
    }

    @Test
    void operatorAndDatesUseTheOperatorIndex() {
        assertListUses("calls_operator_created_idx", request(operators.get(3), null, null));
    }

    @Test
    void statusAndDatesUseTheStatusIndex() {
        assertListUses("calls_status_created_idx", request(null, "missed", null));
    }

    @Test
    void cityAndDatesUseTheCityIndex() {
        assertListUses("calls_city_created_idx", request(null, null, "Москва"));
    }

    @Test
    void cityStatusAndDatesUseTheCityStatusIndex() {
        assertListUses("calls_city_status_created_idx", request(null, "missed", "Москва"));
    }

    @Test
    void filteredListsAnswerOverHttpWithExactTotals() {
        long operator = operators.get(3);
        assertExactPage("/api/calls?operatorId=" + operator + "&" + JANUARY,
                data.count("calls WHERE operator_id = " + operator + " AND " + JANUARY_UTC), "operatorId", operator);
        assertExactPage("/api/calls?status=missed&" + JANUARY,
                data.count("calls WHERE status = 'missed' AND " + JANUARY_UTC), "status", "missed");
        // Moscow is the default zone too, so its January is the same instants
        assertExactPage("/api/calls?city=" + encode("Москва") + "&" + JANUARY,
                data.count("calls WHERE city_id = " + moscow + " AND " + JANUARY_UTC), "cityId", moscow);
    }

    @Test
    void unfilteredListGivesAnEstimatedTotal() {
        Api.Reply reply = admin.get("/api/calls?limit=100");
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(100, reply.list().size());
        assertEquals(true, reply.pagination().get("totalEstimated"));
        assertTrue(((Number) reply.pagination().get("total")).longValue() > 10_000, reply.pagination().toString());
    }

    private static CallListRequest request(Long operatorId, String status, String city) {
        return new CallListRequest("2025-01-01", "2025-01-31", operatorId, status, city, null, null, null, null);
    }

    private void assertListUses(String index, CallListRequest request) {
        SqlFilter where = repository.where(service.filter(request, Actor.system("test")));
        Pattern usesIndex = Pattern.compile("(Index (Only )?Scan (Backward )?using|Bitmap Index Scan on) " + index + "\\b");
        // the page after a cursor in mid-January: the cursor bounds the same index range
        SqlFilter after = repository.afterCursor(repository.where(service.filter(request, Actor.system("test"))),
                new CallCursor(Instant.parse("2025-01-20T12:00:00Z"), Long.MAX_VALUE));
        String afterPlan = explain(repository.pageAfterSql(after), after.params(20));
        for (String plan : List.of(explain(repository.pageIdsSql(where), where.params(20, 0)),
                explain(repository.countSql(where), where.params()), afterPlan)) {
            assertTrue(usesIndex.matcher(plan).find(), "expected " + index + " in\n" + plan);
            assertFalse(plan.contains("Seq Scan on calls"), plan);
        }
        assertTrue(afterPlan.matches("(?s).*Index Cond: .*ROW\\(c?\\.?created_at, c?\\.?id\\) < ROW.*"),
                "the cursor should bound the index range, not filter its rows:\n" + afterPlan);
    }

    private String explain(String sql, Object[] params) {
        return String.join("\n", data.db().query("EXPLAIN " + sql, rs -> rs.getString(1), params));
    }

    private void assertExactPage(String uri, long expectedTotal, String field, Object value) {
        Api.Reply reply = admin.get(uri);
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(expectedTotal, ((Number) reply.pagination().get("total")).longValue(), uri);
        assertEquals(false, reply.pagination().get("totalEstimated"), uri);
        assertEquals(20, reply.list().size(), uri);
        for (Map<String, Object> call : reply.list()) {
            assertEquals(String.valueOf(value), String.valueOf(call.get(field)), uri);
        }
        List<String> times = reply.list().stream().map(call -> (String) call.get("dateCreate")).toList();
        assertEquals(times.stream().sorted((a, b) -> b.compareTo(a)).toList(), times, "newest first: " + uri);
    }
}
