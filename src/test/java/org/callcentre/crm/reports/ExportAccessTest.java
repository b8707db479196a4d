package org.callcentre.crm.reports;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.callcentre.crm.reports.CallCentre.IRINA;
import static org.callcentre.crm.reports.CallCentre.OLGA;
import static org.callcentre.crm.reports.Downloads.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may export what: the roles and city scoping of the lists, 401, 400 naming the field, and the audit trail. */
@MicronautTest(transactional = false)
class ExportAccessTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EmbeddedServer server;
    @Inject
    TestData data;
    Api api;
    Downloads downloads;

    @BeforeEach
    void setUp() {
        CallCentre.open(data).march();
        api = new Api(client);
        downloads = new Downloads(server, api);
    }

    @Test
    void withoutATokenEveryExportIs401() {
        for (String report : List.of("calls", "orders", "operators")) {
            assertEquals(401, api.get("/api/reports/" + report + "?format=csv&startDate=2025-03-01&endDate=2025-03-31").status(), report);
        }
    }

    @Test
    void theOperatorsReportIsForSupervisorsAndAdmins() {
        String query = "/api/reports/operators?format=csv&startDate=2025-03-01&endDate=2025-03-31";
        assertEquals(403, api.login("olga", TestData.PASSWORD).get(query).status());
        for (String login : List.of("sue", "boss")) {
            assertEquals(200, downloads.get(query, downloads.token(login)).status(), login);
        }
        assertEquals(2, data.count("audit_log WHERE action = 'export'"), "the refused export is not on record");
    }

    @Test
    void anOperatorExportsOnlyTheCallsAndOrdersOfTheirCity() throws IOException {
        String olga = downloads.token("olga");
        List<CSVRecord> calls = rows(downloads.get("/api/reports/calls", olga));
        assertEquals(5, calls.size(), "Kazan's March and April calls, not Omsk's");
        assertTrue(calls.stream().noneMatch(r -> r.get(9).equals(IRINA)));
        assertEquals(0, rows(downloads.get("/api/reports/calls?city=" + encode("Омск"), olga)).size());

        Api irina = api.login("irina", TestData.PASSWORD);
        assertEquals(201, irina.post("/api/orders", Map.of("city", "Омск", "phone", "+79130000000")).status());
        assertEquals(0, rows(downloads.get("/api/reports/orders", olga)).size());
        assertEquals(1, rows(downloads.get("/api/reports/orders", downloads.token("sue"))).size());
    }

    @Test
    void supervisorsExportEveryCity() throws IOException {
        List<CSVRecord> calls = rows(downloads.get("/api/reports/calls?dateFrom=2025-03-01&dateTo=2025-03-31", downloads.token("sue")));
        assertEquals(5, calls.size());
        assertTrue(calls.stream().anyMatch(r -> r.get(9).equals(IRINA)));
        assertTrue(calls.stream().anyMatch(r -> r.get(9).equals(OLGA)));
    }

    @Test
    void badFormatOrFiltersAre400NamingTheFieldAndAreNotAudited() {
        Api boss = api.login("boss", TestData.PASSWORD);
        Map<String, String> badQueries = Map.ofEntries(
                Map.entry("/api/reports/calls?format=docx", "format"),
                Map.entry("/api/reports/calls?sep=tab", "sep"),
                Map.entry("/api/reports/calls?status=lost", "status"),
                Map.entry("/api/reports/calls?dateFrom=yesterday", "dateFrom"),
                Map.entry("/api/reports/calls?city=" + encode("Атлантида"), "city"),
                Map.entry("/api/reports/calls?operatorId=abc", "operatorId"),
                Map.entry("/api/reports/orders?phone=abc", "phone"),
                Map.entry("/api/reports/orders?format=xls", "format"),
                Map.entry("/api/reports/operators?endDate=2025-03-31", "startDate"),
                Map.entry("/api/reports/operators?startDate=2025-03-31&endDate=2025-03-01", "endDate"),
                Map.entry("/api/reports/operators?startDate=2025-03-01&endDate=2025-03-31&city=" + encode("Атлантида"), "city"));
        badQueries.forEach((query, field) -> {
            Api.Reply reply = boss.get(query);
            assertEquals(400, reply.status(), query + " -> " + reply);
            assertTrue(reply.errorFields().containsKey(field), query + " -> " + reply);
        });
        assertEquals(0, data.count("audit_log WHERE action = 'export'"));
    }

    @Test
    void everyExportIsAuditedWithItsFilters() {
        String sue = downloads.token("sue");
        assertEquals(200, downloads.get("/api/reports/calls?format=xlsx&dateFrom=2025-03-01&city=" + encode("Казань"), sue).status());
        Map<String, Object> entry = data.db().queryOne(
                "SELECT actor_login, entity, changes->>'format' AS format, changes->>'dateFrom' AS date_from, changes->>'city' AS city "
                        + "FROM audit_log WHERE action = 'export'",
                rs -> Map.<String, Object>of("login", rs.getString(1), "entity", rs.getString(2), "format", rs.getString(3),
                        "dateFrom", rs.getString(4), "city", rs.getString(5))).orElseThrow();
        assertEquals(Map.of("login", "sue", "entity", "calls", "format", "xlsx", "dateFrom", "2025-03-01", "city", "Казань"), entry);
    }

    private static List<CSVRecord> rows(Downloads.Download csv) throws IOException {
        assertEquals(200, csv.status(), csv.text());
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.text().substring(1))).getRecords();
        return records.subList(1, records.size());
    }
}
