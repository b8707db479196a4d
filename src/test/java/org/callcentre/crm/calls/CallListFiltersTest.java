package org.callcentre.crm.calls;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.callcentre.crm.calls.CallRows.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CallListFiltersTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api supervisor;
    long kazan;
    long novosibirsk;
    long olga;
    long ivan;

    @BeforeEach
    void setUp() {
        data.reset();
        kazan = data.city("Казань", "Europe/Moscow");
        novosibirsk = data.city("Новосибирск", "Asia/Novosibirsk");
        olga = data.user("olga", "operator", kazan, "101");
        ivan = data.user("ivan", "operator", novosibirsk, "102");
        data.user("sue", "supervisor", null, null);
        api = new Api(client);
        supervisor = api.login("sue", TestData.PASSWORD);
    }

    @Test
    void listsNewestFirstWithPaging() {
        long older = call(data.db()).at("2025-03-01T10:00:00Z").insert();
        long sameTimeFirst = call(data.db()).at("2025-03-02T10:00:00Z").insert();
        long sameTimeSecond = call(data.db()).at("2025-03-02T10:00:00Z").insert();

        Api.Reply first = supervisor.get("/api/calls?limit=2");
        assertEquals(200, first.status(), first.toString());
        assertEquals(List.of(sameTimeSecond, sameTimeFirst), ids(first));
        assertEquals(3, ((Number) first.pagination().get("total")).intValue());
        assertEquals(2, ((Number) first.pagination().get("totalPages")).intValue());
        assertEquals(false, first.pagination().get("totalEstimated"));

        assertEquals(List.of(older), ids(supervisor.get("/api/calls?limit=2&page=2")));
    }

    @Test
    void countsOnlyWhenAskedWhichTheFirstPageIsByDefault() {
        for (String at : List.of("2025-03-01T10:00:00Z", "2025-03-02T10:00:00Z", "2025-03-03T10:00:00Z")) {
            call(data.db()).at(at).insert();
        }
        Api.Reply second = supervisor.get("/api/calls?limit=2&page=2");
        assertEquals(200, second.status(), second.toString());
        assertEquals(1, ids(second).size());
        assertEquals(null, second.body().get("pagination"), "a later page is not counted unless asked");

        Api.Reply secondCounted = supervisor.get("/api/calls?limit=2&page=2&count=true");
        assertEquals(3, ((Number) secondCounted.pagination().get("total")).intValue());
        assertEquals(2, ((Number) secondCounted.pagination().get("page")).intValue());

        Api.Reply firstUncounted = supervisor.get("/api/calls?limit=2&count=false");
        assertEquals(2, ids(firstUncounted).size());
        assertEquals(null, firstUncounted.body().get("pagination"));
        assertTrue(firstUncounted.body().get("next") instanceof String, "an uncounted full page still says where to go on");

        assertEquals("count", field(supervisor.get("/api/calls?count=true&after=" + firstUncounted.body().get("next"))));
    }

    @Test
    void pagesByCursorGoOnWhereThePreviousPageEndedWithoutCounting() {
        // ties on the start and starts a microsecond apart: the order is (start, id), newest first
        for (String at : List.of("2025-03-01T10:00:00Z", "2025-03-02T10:00:00Z", "2025-03-02T10:00:00Z", "2025-03-02T10:00:00.000001Z",
                "2025-03-02T10:00:00.000001Z", "2025-03-03T08:00:00Z", "2025-03-02T10:00:00Z")) {
            call(data.db()).city(kazan).at(at).insert();
        }
        call(data.db()).city(novosibirsk).at("2025-03-02T10:00:00Z").insert();
        List<Long> expected = data.db().query("SELECT id FROM calls WHERE city_id = ? ORDER BY created_at DESC, id DESC",
                rs -> rs.getLong(1), kazan);
        String city = "city=" + encode("Казань");

        Api.Reply first = supervisor.get("/api/calls?limit=3&" + city);
        assertEquals(200, first.status(), first.toString());
        assertEquals(7, ((Number) first.pagination().get("total")).intValue(), "the first page counts");
        List<Long> walked = new ArrayList<>(ids(first));
        Object next = first.body().get("next");
        int pages = 1;
        while (next != null) {
            Api.Reply page = supervisor.get("/api/calls?limit=3&" + city + "&after=" + encode((String) next));
            assertEquals(200, page.status(), page.toString());
            assertEquals(null, page.body().get("pagination"), "pages after a cursor are not counted");
            walked.addAll(ids(page));
            next = page.body().get("next");
            pages++;
        }
        assertEquals(expected, walked, "every call of the city once, in order");
        assertEquals(3, pages, "3 + 3 + 1: the short page is the last");

        assertEquals("after", field(supervisor.get("/api/calls?after=not-a-cursor")));
        assertEquals("page", field(supervisor.get("/api/calls?page=2&after=" + first.body().get("next"))));
    }

    private static String field(Api.Reply reply) {
        assertEquals(400, reply.status(), reply.toString());
        return String.join(",", reply.errorFields().keySet());
    }

    @Test
    void showsEveryFieldWithNames() {
        long id = call(data.db()).city(kazan).operator(olga).rk("RK-7").status("missed").at("2025-03-01T10:00:00Z").insert();
        data.db().update("UPDATE calls SET missed_reason = 'abandoned', wait_seconds = 42, recording_ref = 'rec/1.mp3' WHERE id = ?", id);

        Map<String, Object> json = supervisor.get("/api/calls/" + id).data();
        assertEquals(id, ((Number) json.get("id")).longValue());
        assertEquals("mango", json.get("source"));
        assertEquals("RK-7", json.get("rk"));
        assertEquals("Казань", json.get("city"));
        assertEquals(kazan, ((Number) json.get("cityId")).longValue());
        assertEquals("+79160000000", json.get("phoneClient"));
        assertEquals("+74950000000", json.get("phoneAts"));
        assertEquals("inbound", json.get("direction"));
        assertEquals("missed", json.get("status"));
        assertEquals("abandoned", json.get("missedReason"));
        assertEquals("User olga", ((Map<?, ?>) json.get("operator")).get("name"));
        assertEquals(42, ((Number) json.get("waitSeconds")).intValue());
        assertEquals("rec/1.mp3", json.get("recordingRef"));
        assertEquals("2025-03-01T10:00:00Z", json.get("dateCreate"));
        assertTrue(json.keySet().containsAll(List.of("externalId", "operatorId", "clientId", "clientName", "orderId",
                "answeredAt", "endedAt", "holdSeconds", "talkSeconds", "disconnectReason", "disposition", "note")), json.toString());
    }

    @Test
    void eachFilterNarrowsTheList() {
        long byOlga = call(data.db()).city(kazan).operator(olga).insert();
        long missed = call(data.db()).status("missed").insert();
        long inNovosibirsk = call(data.db()).city(novosibirsk).operator(ivan).insert();
        long ofCampaign = call(data.db()).rk("RK-9").insert();
        long outbound = call(data.db()).direction("outbound").insert();
        long fromPhone = call(data.db()).clientPhone("+79161234567").insert();

        assertEquals(List.of(byOlga), ids(supervisor.get("/api/calls?operatorId=" + olga)));
        assertEquals(List.of(missed), ids(supervisor.get("/api/calls?status=missed")));
        assertEquals(List.of(inNovosibirsk), ids(supervisor.get("/api/calls?city=" + encode("Новосибирск"))));
        assertEquals(List.of(ofCampaign), ids(supervisor.get("/api/calls?rk=RK-9")));
        assertEquals(List.of(outbound), ids(supervisor.get("/api/calls?direction=outbound")));
        assertEquals(List.of(fromPhone), ids(supervisor.get("/api/calls?phone=" + encode("8 (916) 123-45-67"))));
    }

    @Test
    void filtersCombineWithAnd() {
        long wanted = call(data.db()).city(kazan).operator(olga).status("missed").insert();
        call(data.db()).city(kazan).operator(olga).status("answered").insert();
        call(data.db()).city(kazan).status("missed").insert();

        assertEquals(List.of(wanted), ids(supervisor.get("/api/calls?status=missed&operatorId=" + olga
                + "&city=" + encode("Казань"))));
    }

    @Test
    void plainDatesAreWholeDaysOfTheDefaultZoneWhenNoCityIsGiven() {
        // 22:30 UTC on the 1st is 01:30 on the 2nd in Moscow
        long lateEvening = call(data.db()).at("2025-03-01T22:30:00Z").insert();

        assertEquals(List.of(lateEvening), ids(supervisor.get("/api/calls?dateFrom=2025-03-02&dateTo=2025-03-02")));
        assertEquals(List.of(), ids(supervisor.get("/api/calls?dateFrom=2025-03-01&dateTo=2025-03-01")));
    }

    @Test
    void plainDatesAreWholeDaysOfTheCityAskedFor() {
        // 18:30 UTC on the 1st is 01:30 on the 2nd in Novosibirsk but still the 1st in Moscow
        long evening = call(data.db()).city(novosibirsk).at("2025-03-01T18:30:00Z").insert();
        String city = "&city=" + encode("Новосибирск");

        assertEquals(List.of(evening), ids(supervisor.get("/api/calls?dateFrom=2025-03-02&dateTo=2025-03-02" + city)));
        assertEquals(List.of(), ids(supervisor.get("/api/calls?dateFrom=2025-03-01&dateTo=2025-03-01" + city)));
        assertEquals(List.of(evening), ids(supervisor.get("/api/calls?dateFrom=2025-03-01&dateTo=2025-03-01")));
    }

    @Test
    void dateTimesAreTakenAsGiven() {
        call(data.db()).at("2025-03-01T09:59:59Z").insert();
        long inside = call(data.db()).at("2025-03-01T10:00:00Z").insert();

        assertEquals(List.of(inside), ids(supervisor.get("/api/calls?dateFrom=" + encode("2025-03-01T10:00:00Z")
                + "&dateTo=" + encode("2025-03-01T11:00:00+00:00"))));
    }

    @Test
    void badFiltersAre400NamingTheField() {
        Map<String, String> badQueries = Map.of(
                "limit", "limit=500",
                "page", "page=0",
                "status", "status=bogus",
                "direction", "direction=sideways",
                "dateFrom", "dateFrom=2024-13-01",
                "dateTo", "dateFrom=2025-03-05&dateTo=2025-03-01",
                "city", "city=Nowhere",
                "phone", "phone=12",
                "operatorId", "operatorId=abc");
        badQueries.forEach((field, query) -> {
            Api.Reply reply = supervisor.get("/api/calls?" + query);
            assertEquals(400, reply.status(), query + " -> " + reply);
            assertTrue(reply.errorFields().containsKey(field), query + " -> " + reply);
        });
    }

    @Test
    void withoutATokenIs401() {
        long id = call(data.db()).insert();
        assertEquals(401, api.get("/api/calls").status());
        assertEquals(401, api.get("/api/calls/" + id).status());
    }

    static List<Long> ids(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.list().stream().map(call -> ((Number) call.get("id")).longValue()).toList();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
