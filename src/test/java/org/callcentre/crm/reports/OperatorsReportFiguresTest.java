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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.callcentre.crm.reports.CallCentre.OLGA;
import static org.callcentre.crm.reports.CallCentre.PETR;
import static org.callcentre.crm.reports.Downloads.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The operators report's figures against the calls and orders put in by hand (see
 * {@link CallCentre#march()}): inbound calls only, busy and missed alike count as missed, outbound
 * talk still counts as talk.
 */
@MicronautTest(transactional = false)
class OperatorsReportFiguresTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EmbeddedServer server;
    @Inject
    TestData data;
    Api api;
    Downloads downloads;
    CallCentre centre;

    @BeforeEach
    void setUp() {
        centre = CallCentre.open(data).march();
        api = new Api(client);
        downloads = new Downloads(server, api);
    }

    @Test
    void callFiguresPerOperator() throws IOException {
        centre.call(centre.kazan, centre.petr, "inbound", "busy", "2025-03-07T09:00:00Z", 3, 0, null);
        centre.call(centre.kazan, centre.petr, "inbound", "ringing", "2025-03-07T09:05:00Z", 0, 0, null);
        Map<String, CSVRecord> rows = byOperator("startDate=2025-03-01&endDate=2025-03-31&city=" + encode("Казань"));

        assertEquals(List.of(OLGA, PETR), List.copyOf(rows.keySet()), "Kazan's operators by name");
        // Olga: answered (wait 12, talk 300), missed (wait 40), outbound (talk 60); April's call is outside.
        assertEquals(List.of(OLGA, "Казань", "2", "1", "1", "50.0", "12.0", "360", "0", "0", "0.00"), rows.get(OLGA).toList());
        // Petr: answered (wait 20, talk 100) and busy; the ringing call has not ended and is not counted.
        assertEquals(List.of(PETR, "Казань", "2", "1", "1", "50.0", "20.0", "100", "0", "0", "0.00"), rows.get(PETR).toList());
    }

    @Test
    void orderFiguresCountOrdersCreatedInThePeriodAndTheRevenueOfTheCompletedOnes() throws IOException {
        Api olga = api.login("olga", TestData.PASSWORD);
        Api boss = api.login("boss", TestData.PASSWORD);
        List<Long> ids = List.of(order(olga), order(olga), order(olga));
        for (long id : ids.subList(0, 2)) {
            for (String status : List.of("assigned", "in_progress")) {
                assertEquals(200, boss.patch("/api/orders/" + id, Map.of("status", status)).status());
            }
            assertEquals(200, boss.patch("/api/orders/" + id, Map.of("status", "completed", "result", 1000.25, "expenditure", 0)).status());
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        Map<String, CSVRecord> rows = byOperator("startDate=" + today.minusDays(1) + "&endDate=" + today.plusDays(1));

        CSVRecord figures = rows.get(OLGA);
        assertEquals("0", figures.get(2), "no calls today");
        assertEquals("", figures.get(5), "no acceptance rate without calls");
        assertEquals(List.of("3", "2", "2000.50"), figures.toList().subList(8, 11));
        assertEquals(List.of("0", "0", "0.00"), rows.get(PETR).toList().subList(8, 11));
    }

    private long order(Api as) {
        Api.Reply reply = as.post("/api/orders", Map.of("city", "Казань", "phone", "+79161234567"));
        assertEquals(201, reply.status(), reply.toString());
        return ((Number) reply.data().get("id")).longValue();
    }

    private Map<String, CSVRecord> byOperator(String query) throws IOException {
        Downloads.Download csv = downloads.get("/api/reports/operators?" + query, downloads.token("sue"));
        assertEquals(200, csv.status(), csv.text());
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.text().substring(1))).getRecords();
        return records.subList(1, records.size()).stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
