package org.callcentre.crm.timeline;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client's calls, chats, orders, call-backs and notes in one newest-first list, paged by a
 * cursor, with the same city rule as the client card.
 */
@MicronautTest(transactional = false)
class ClientTimelineTest {
    private static final Instant CALLED = Instant.parse("2026-03-01T09:00:00Z");
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api olga;
    Api sveta;
    long ivan;
    long samaraClient;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        long samara = data.city("Самара", "Europe/Samara");
        long olgaId = data.user("olga", "operator", kazan, "101");
        data.db().update("UPDATE operators SET name = 'Ольга' WHERE id = ?", olgaId);
        data.user("sveta", "supervisor", null, null);
        Api api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        sveta = api.login("sveta", TestData.PASSWORD);
        ivan = data.db().insert("INSERT INTO clients (name, city_id) VALUES ('Иван', ?) RETURNING id", kazan);
        samaraClient = data.db().insert("INSERT INTO clients (name, city_id) VALUES ('Самарский', ?) RETURNING id", samara);
        long call = data.db().insert("""
                INSERT INTO calls (source, external_id, city_id, client_id, client_phone, direction, status, operator_id,
                                   created_at, talk_seconds, disposition)
                VALUES ('mango', 'e-1', ?, ?, '+79123456789', 'inbound', 'answered', ?, ?, 95, 'записан на ремонт') RETURNING id""",
                kazan, ivan, olgaId, CALLED);
        data.db().update("INSERT INTO transcripts (call_id, engine, language, text) VALUES (?, 'vosk', 'ru', 'алло')", call);
        // a missed call's call-back opened at the very instant of the call: the cursor must not lose either
        data.db().update("""
                INSERT INTO tasks (kind, title, client_id, phone, city_id, missed, missed_count, due_at, last_missed_at, created_at)
                VALUES ('callback', 'Перезвонить', ?, '+79123456789', ?, true, 2, ?, ?, ?)""", ivan, kazan, CALLED, CALLED, CALLED);
        long account = data.db().insert("""
                INSERT INTO avito_accounts (name, city_id, avito_user_id, client_id, webhook_secret_hash)
                VALUES ('Авито Казань', ?, 1, 'cid', 'hash') RETURNING id""", kazan);
        long chat = data.db().insert("""
                INSERT INTO conversations (account_id, external_chat_id, city_id, client_id, ad_title, last_message_at, created_at)
                VALUES (?, 'chat-1', ?, ?, 'Ремонт стиральных машин', ?, ?) RETURNING id""",
                account, kazan, ivan, CALLED.plusSeconds(3600), CALLED.plusSeconds(3600));
        data.db().update("INSERT INTO messages (conversation_id, sender, text, delivery_status, created_at) VALUES (?, 'client', 'Сколько стоит?', 'received', ?)",
                chat, CALLED.plusSeconds(3600));
        data.db().update("""
                INSERT INTO orders (city_id, phone, client_id, type_equipment, problem, operator_id, created_at)
                VALUES (?, '+79123456789', ?, 'стиральная машина', 'не сливает', ?, ?)""", kazan, ivan, olgaId, CALLED.plusSeconds(7200));
        data.db().update("INSERT INTO orders (city_id, phone, client_id, problem, created_at) VALUES (?, '+79123456789', ?, 'в Самаре', ?)",
                samara, ivan, CALLED.plusSeconds(10800));
        data.db().update("INSERT INTO tasks (kind, title, note, city_id, assignee_id, created_by, client_id, due_at, created_at) "
                + "VALUES ('callback', 'Перезвонить', 'уточнить адрес', ?, ?, ?, ?, ?, ?)", kazan, olgaId, olgaId, ivan,
                CALLED.plusSeconds(86400), CALLED.plusSeconds(14400));
        assertEquals(201, olga.post("/api/clients/" + ivan + "/notes", Map.of("text", "Просил звонить после 18")).status());
    }

    private static List<String> kinds(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> e.get("kind") + ":" + e.get("text")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return (List<Map<String, Object>>) reply.data().get("items");
    }

    @Test
    void everySourceIsInOneNewestFirstList() {
        List<Map<String, Object>> entries = items(sveta.get("/api/clients/" + ivan + "/timeline"));
        assertEquals(List.of("note:Просил звонить после 18", "task:уточнить адрес", "order:в Самаре", "order:не сливает", "chat:Сколько стоит?",
                "call:записан на ремонт", "task:null"), kinds(entries));
        Map<String, Object> call = entries.get(5);
        assertEquals("answered", call.get("status"));
        assertEquals("Ольга", call.get("author"));
        assertEquals(95, call.get("seconds"));
        assertEquals(true, call.get("transcript"));
        assertEquals(false, call.get("recording"));
        assertEquals("Ремонт стиральных машин", entries.get(4).get("title"));
        assertEquals("Перезвонить", entries.get(1).get("title"));
        assertEquals(2, entries.get(6).get("count"));
        assertNull(sveta.get("/api/clients/" + ivan + "/timeline").data().get("next"));
    }

    @Test
    void pagesFollowTheCursorWithoutLosingEntriesOfTheSameInstant() {
        List<String> seen = new ArrayList<>();
        String uri = "/api/clients/" + ivan + "/timeline?limit=2";
        int pages = 0;
        while (uri != null) {
            Api.Reply reply = sveta.get(uri);
            seen.addAll(kinds(items(reply)));
            Object next = reply.data().get("next");
            uri = next == null ? null : "/api/clients/" + ivan + "/timeline?limit=2&before=" + next;
            pages++;
        }
        assertEquals(4, pages);
        assertEquals(List.of("note:Просил звонить после 18", "task:уточнить адрес", "order:в Самаре", "order:не сливает", "chat:Сколько стоит?",
                "call:записан на ремонт", "task:null"), seen);
    }

    @Test
    void anOperatorSeesOnlyTheirCitysEntriesAndNoOtherCitysClient() {
        List<String> seen = kinds(items(olga.get("/api/clients/" + ivan + "/timeline")));
        assertTrue(!seen.contains("order:в Самаре") && seen.contains("order:не сливает"), seen::toString);
        assertEquals(404, olga.get("/api/clients/" + samaraClient + "/timeline").status());
        assertEquals(200, sveta.get("/api/clients/" + samaraClient + "/timeline").status());
    }

    @Test
    void badCursorsAndLimitsAre400NamingTheParameter() {
        for (String cursor : List.of("yesterday", "1.call", "1.meeting.2", "x.call.2")) {
            Api.Reply reply = sveta.get("/api/clients/" + ivan + "/timeline?before=" + cursor);
            assertEquals(400, reply.status(), cursor);
            assertTrue(reply.errorFields().containsKey("before"), reply::toString);
        }
        for (String limit : List.of("0", "101")) {
            Api.Reply reply = sveta.get("/api/clients/" + ivan + "/timeline?limit=" + limit);
            assertEquals(400, reply.status());
            assertTrue(reply.errorFields().containsKey("limit"), reply::toString);
        }
    }

    @Test
    void withoutASessionTheTimelineIsRefused() {
        assertEquals(401, new Api(client).get("/api/clients/" + ivan + "/timeline").status());
        assertEquals(404, sveta.get("/api/clients/999999/timeline").status());
    }
}
