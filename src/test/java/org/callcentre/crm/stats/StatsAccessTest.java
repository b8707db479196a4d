package org.callcentre.crm.stats;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may read which statistics, and which requests are refused as bad input. */
@MicronautTest(transactional = false)
class StatsAccessTest {
    static final List<String> MANAGER_ONLY = List.of("/api/stats/overall", "/api/stats/operators", "/api/stats/kpi",
            "/api/stats/cities", "/api/stats/campaigns", "/api/stats/wallboard");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api olga;
    Api boss;
    Api admin;
    long olgaId;
    long ivanId;

    @BeforeEach
    void setUp() {
        data.reset();
        long vladivostok = data.city("Владивосток", "Asia/Vladivostok");
        olgaId = data.user("olga", "operator", vladivostok, "101");
        ivanId = data.user("ivan", "operator", vladivostok, "102");
        data.user("boss", "supervisor", null, null);
        data.user("root", "admin", null, null);
        Api api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        boss = api.login("boss", TestData.PASSWORD);
        admin = api.login("root", TestData.PASSWORD);
    }

    @Test
    void anOperatorReadsOnlyTheirOwnStatistics() {
        Api.Reply own = olga.get("/api/stats/my");
        assertEquals(200, own.status(), own.toString());
        // the seed's four figures, and the two an operator is judged by besides (issue 15)
        assertEquals(Map.of("total", 0, "accepted", 0, "missed", 0, "acceptanceRate", 0.0, "averageTalkSeconds", 0.0, "ahtSeconds", 0.0),
                own.data().get("calls"));
        assertEquals(200, olga.get("/api/stats/operator/" + olgaId).status());

        assertEquals(403, olga.get("/api/stats/operator/" + ivanId).status());
        for (String uri : MANAGER_ONLY) {
            assertEquals(403, olga.get(uri).status(), uri);
        }
    }

    @Test
    void supervisorsAndAdminsReadEverything() {
        for (Api manager : List.of(boss, admin)) {
            assertEquals(200, manager.get("/api/stats/operator/" + ivanId).status());
            assertEquals(200, manager.get("/api/stats/my").status());
            for (String uri : MANAGER_ONLY) {
                Api.Reply reply = manager.get(uri);
                assertEquals(200, reply.status(), uri + " " + reply);
            }
        }
        assertEquals(404, boss.get("/api/stats/operator/999999").status());
    }

    @Test
    void withoutATokenEverythingIsUnauthorized() {
        Api anonymous = new Api(client);
        for (String uri : List.of("/api/stats/my", "/api/stats/operator/" + olgaId, "/api/stats/overall", "/api/stats/operators",
                "/api/stats/kpi", "/api/stats/cities", "/api/stats/campaigns", "/api/stats/wallboard")) {
            assertEquals(401, anonymous.get(uri).status(), uri);
        }
    }

    @Test
    void missingDatesAreTodayInTheZoneOfTheFigures() {
        String vladivostokToday = LocalDate.now(ZoneId.of("Asia/Vladivostok")).toString();
        Map<String, Object> own = olga.get("/api/stats/my").data();
        assertEquals(vladivostokToday, own.get("startDate"));
        assertEquals(vladivostokToday, own.get("endDate"));
        assertEquals(List.of(Map.of("date", vladivostokToday, "calls", 0, "orders", 0)), own.get("dailyStats"));

        String moscowToday = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        Map<String, Object> overall = boss.get("/api/stats/overall?startDate=" + moscowToday).data();
        assertEquals(moscowToday, overall.get("endDate"));
        assertEquals(vladivostokToday, boss.get("/api/stats/kpi?city=" + encode("Владивосток")).data().get("startDate"));
    }

    @Test
    void badRangesAreRefusedNamingTheField() {
        assertBad(boss.get("/api/stats/overall?startDate=2025-03-10&endDate=2025-03-09"), "endDate", "must not be before startDate");
        assertBad(olga.get("/api/stats/my?startDate=10.03.2025"), "startDate", "yyyy-MM-dd");
        assertBad(boss.get("/api/stats/kpi?endDate=2025-02-30"), "endDate", "yyyy-MM-dd");
        Api.Reply tooLong = boss.get("/api/stats/operators?startDate=2024-01-01&endDate=2025-01-01");
        assertBad(tooLong, "startDate", "spans 367 days; at most 366");
        assertBad(tooLong, "endDate", "spans 367 days; at most 366");
        assertEquals(200, boss.get("/api/stats/operators?startDate=2024-01-01&endDate=2024-12-31").status());
    }

    @Test
    void unknownCitiesCampaignsAndSortsAreRefusedNamingTheField() {
        assertBad(boss.get("/api/stats/operators?city=Atlantis"), "city", "unknown city 'Atlantis'");
        assertBad(boss.get("/api/stats/kpi?city=Atlantis"), "city", "unknown city 'Atlantis'");
        assertBad(boss.get("/api/stats/kpi?rk=nope"), "rk", "unknown campaign 'nope'");
        assertBad(boss.get("/api/stats/kpi?threshold=soon"), "threshold", "whole seconds");
        assertBad(boss.get("/api/stats/kpi?threshold=-1"), "threshold", "whole seconds");
        assertBad(boss.get("/api/stats/operators?sort=mood"), "sort", "must be one of");
        assertBad(boss.get("/api/stats/operators?sort=callsTotal&order=sideways"), "order", "must be one of asc, desc");
    }

    private static void assertBad(Api.Reply reply, String field, String message) {
        assertEquals(400, reply.status(), reply.toString());
        Object said = reply.errorFields().get(field);
        assertTrue(said != null && said.toString().contains(message), field + " should say '" + message + "': " + reply);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
