package org.callcentre.crm.conversations;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.live.LiveClient;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoSetup;
import org.callcentre.crm.testing.AvitoWebhooks;
import org.callcentre.crm.testing.ChatFixture;
import org.callcentre.crm.testing.MovableClock;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat SLA on a clock the test moves, in Samara's zone with its hours Monday–Friday 09:00–18:00:
 * a chat queued on Friday at 17:55 is due on Monday at 09:05 (first response) and 09:55 (resolution);
 * the first deadline passing unmet is marked once and pushed, the wallboard counts the overdue chat
 * until it is closed, and a late reply keeps the breach. A chat handed to people again keeps a round
 * per episode for the chat statistics.
 */
@MicronautTest(transactional = false)
class ChatSlaTest extends ChatFixture {
    private static final ZoneId SAMARA = ZoneId.of("Europe/Samara");
    @Inject
    Clock clock;
    @Inject
    ConversationService conversations;
    @Inject
    ChatSlaClocks sla;
    Api admin;
    long samara;

    @Override
    protected Map<String, String> moreProperties() {
        // the test marks breaches itself, at the times it sets
        return Map.of("crm.conversations.sla-check-interval", "1h");
    }

    @MockBean(Clock.class)
    Clock movableClock() {
        return new MovableClock(at("2025-03-14T17:55:00"));
    }

    @BeforeEach
    void setUp() {
        data.reset();
        samara = data.city("Самара", "Europe/Samara");
        data.db().update("UPDATE cities SET working_hours = '{\"mon\":{\"from\":\"09:00\",\"to\":\"18:00\"},"
                + "\"tue\":{\"from\":\"09:00\",\"to\":\"18:00\"},\"wed\":{\"from\":\"09:00\",\"to\":\"18:00\"},"
                + "\"thu\":{\"from\":\"09:00\",\"to\":\"18:00\"},\"fri\":{\"from\":\"09:00\",\"to\":\"18:00\"},"
                + "\"sat\":null,\"sun\":null}'::jsonb WHERE id = ?", samara);
        data.user("admin", "admin", null, null);
        data.user("boss", "supervisor", null, null);
        data.user("olga", "operator", samara, "101");
        admin = new Api(client).login("admin", TestData.PASSWORD);
        ((MovableClock) clock).set(at("2025-03-14T17:55:00"));
    }

    private static Instant at(String localSamaraTime) {
        return LocalDateTime.parse(localSamaraTime).atZone(SAMARA).toInstant();
    }

    @Test
    void anAdminSetsACitysTargetsAndANegativeOneIsRefusedByName() {
        Api.Reply set = admin.patch("/api/cities/" + samara, Map.of("chatFirstResponseSeconds", 300, "chatResolutionSeconds", 3600));
        assertEquals(200, set.status(), set.toString());
        assertEquals(300, ((Number) set.data().get("chatFirstResponseSeconds")).intValue());
        assertEquals(3600, ((Number) set.data().get("chatResolutionSeconds")).intValue());

        Api.Reply refused = admin.patch("/api/cities/" + samara, Map.of("chatFirstResponseSeconds", -5, "chatResolutionSeconds", 60));
        assertEquals(400, refused.status());
        assertTrue(refused.errorFields().containsKey("chatFirstResponseSeconds"), refused.toString());
        assertEquals(3600, data.db().queryLong("SELECT chat_resolution_seconds FROM cities WHERE id = ?", samara),
                "nothing of a refused change is written");

        Api.Reply removed = admin.patch("/api/cities/" + samara, Map.of("chatFirstResponseSeconds", 0));
        assertNull(removed.data().get("chatFirstResponseSeconds"), "0 removes the target");
        assertEquals(403, new Api(client).login("olga", TestData.PASSWORD)
                .patch("/api/cities/" + samara, Map.of("chatFirstResponseSeconds", 60)).status());
    }

    @Test
    void aChatQueuedBeforeTheWeekendIsDueOnMondayMorningAndItsMissedReplyIsCountedOnce() throws Exception {
        assertEquals(200, admin.patch("/api/cities/" + samara, Map.of("chatFirstResponseSeconds", 600, "chatResolutionSeconds", 3600)).status());
        String webhook = AvitoSetup.account(admin, avito, "Самара");
        Api boss = new Api(client).login("boss", TestData.PASSWORD);
        Api olga = new Api(client).login("olga", TestData.PASSWORD);
        try (LiveClient olgaSocket = LiveClient.open(ws, "/ws/operator", token("olga"))) {
            olga.post(webhook, AvitoWebhooks.clientMessage("m-1", "chat-sla", AvitoSetup.AVITO_USER, "Мастер сможет в понедельник?"));
            long id = data.db().queryLong("SELECT id FROM conversations WHERE external_chat_id = 'chat-sla'");
            conversations.queue(id, "test");

            Map<String, Object> chat = olga.get("/api/conversations/" + id).data();
            Map<String, Object> clocks = sla(chat);
            // 5 minutes on Friday, 5 on Monday; 55 of the hour's resolution count from Monday 09:00
            assertEquals(at("2025-03-17T09:05:00").toString(), clocks.get("firstResponseDue"));
            assertEquals(at("2025-03-17T09:55:00").toString(), clocks.get("resolutionDue"));
            assertEquals(1L, chats(boss, "chatsWaiting"));

            ((MovableClock) clock).set(at("2025-03-17T09:04:59"));
            sla.markBreaches();
            assertEquals(0L, chats(boss, "chatsOverdue"), "not due yet");

            ((MovableClock) clock).set(at("2025-03-17T09:05:01"));
            sla.markBreaches();
            sla.markBreaches();
            Map<String, Object> breached = olgaSocket.await("chat", m -> "breached".equals(m.get("event")));
            assertEquals(true, sla(conversation(breached)).get("firstResponseBreached"));
            assertEquals(false, sla(conversation(breached)).get("resolutionBreached"));
            assertEquals(1L, chats(boss, "chatsOverdue"));

            ((MovableClock) clock).set(at("2025-03-17T09:07:00"));
            assertEquals(201, olga.post("/api/conversations/" + id + "/messages", Map.of("text", "Да, с 10 до 12.")).status());
            ((MovableClock) clock).set(at("2025-03-17T09:30:00"));
            assertEquals(200, olga.post("/api/conversations/" + id + "/close", Map.of()).status());

            Map<String, Object> closed = sla(olga.get("/api/conversations/" + id).data());
            assertEquals(at("2025-03-17T09:07:00").toString(), closed.get("firstResponseAt"));
            assertEquals(true, closed.get("firstResponseBreached"), "a late reply does not undo the breach");
            assertEquals(at("2025-03-17T09:30:00").toString(), closed.get("resolvedAt"));
            assertEquals(false, closed.get("resolutionBreached"), "closed 25 minutes before its deadline");
            assertEquals(0L, chats(boss, "chatsOverdue"), "a closed chat is no longer overdue");
            assertEquals(0L, chats(boss, "chatsWaiting"));
            assertFalse(olgaSocket.receivedWithin(java.time.Duration.ofMillis(300)).stream()
                    .anyMatch(m -> "breached".equals(m.get("event"))), "the breach was marked and pushed once");
        }
    }

    @Test
    void inACityWithoutTargetsAQueuedChatIsAnsweredAndClosedWithNothingDueOrMissed() {
        String webhook = AvitoSetup.account(admin, avito, "Самара");
        Api olga = new Api(client).login("olga", TestData.PASSWORD);
        olga.post(webhook, AvitoWebhooks.clientMessage("m-2", "chat-free", AvitoSetup.AVITO_USER, "Сколько стоит выезд?"));
        long id = data.db().queryLong("SELECT id FROM conversations WHERE external_chat_id = 'chat-free'");
        conversations.queue(id, "test");
        assertNull(sla(olga.get("/api/conversations/" + id).data()).get("firstResponseDue"));

        assertEquals(201, olga.post("/api/conversations/" + id + "/messages", Map.of("text", "1000 рублей.")).status());
        assertEquals(200, olga.post("/api/conversations/" + id + "/close", Map.of()).status());
        Map<String, Object> closed = sla(olga.get("/api/conversations/" + id).data());
        assertEquals(at("2025-03-14T17:55:00").toString(), closed.get("firstResponseAt"));
        assertEquals(false, closed.get("firstResponseBreached"));
        assertEquals(false, closed.get("resolutionBreached"));
    }

    /**
     * Issue 16 item 4: the chat row keeps only its current episode, so a chat handed to people twice
     * keeps a round per episode, and the chat statistics count both: each first reply and close from its
     * own start, the first one on time and the second one late.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aChatHandedToPeopleTwiceIsCountedAsTwoRoundsEachWithItsOwnClocks() {
        assertEquals(200, admin.patch("/api/cities/" + samara, Map.of("chatFirstResponseSeconds", 600, "chatResolutionSeconds", 3600)).status());
        String webhook = AvitoSetup.account(admin, avito, "Самара");
        Api olga = new Api(client).login("olga", TestData.PASSWORD);
        Api boss = new Api(client).login("boss", TestData.PASSWORD);

        ((MovableClock) clock).set(at("2025-03-17T10:00:00"));
        olga.post(webhook, AvitoWebhooks.clientMessage("m-1", "chat-twice", AvitoSetup.AVITO_USER, "Сломалась стиральная машина"));
        long id = data.db().queryLong("SELECT id FROM conversations WHERE external_chat_id = 'chat-twice'");
        conversations.queue(id, "test");
        ((MovableClock) clock).set(at("2025-03-17T10:03:00"));
        assertEquals(201, olga.post("/api/conversations/" + id + "/messages", Map.of("text", "Мастер будет завтра.")).status());
        ((MovableClock) clock).set(at("2025-03-17T10:30:00"));
        assertEquals(200, olga.post("/api/conversations/" + id + "/close", Map.of()).status());

        ((MovableClock) clock).set(at("2025-03-18T11:00:00"));
        olga.post(webhook, AvitoWebhooks.clientMessage("m-2", "chat-twice", AvitoSetup.AVITO_USER, "Мастер так и не пришёл"));
        conversations.queue(id, "test");
        ((MovableClock) clock).set(at("2025-03-18T11:20:00"));
        sla.markBreaches();
        ((MovableClock) clock).set(at("2025-03-18T11:25:00"));
        assertEquals(201, olga.post("/api/conversations/" + id + "/messages", Map.of("text", "Приносим извинения, мастер едет.")).status());
        ((MovableClock) clock).set(at("2025-03-18T11:40:00"));
        assertEquals(200, olga.post("/api/conversations/" + id + "/close", Map.of()).status());

        assertEquals(2L, data.db().queryLong("SELECT count(*) FROM chat_rounds WHERE conversation_id = ?", id));
        Map<String, Object> report = chatStats(boss, "2025-03-17", "2025-03-18");
        Map<String, Object> total = figures(report.get("total"));
        assertEquals(2, number(total, "rounds"));
        assertEquals(2, number(total, "firstResponses"));
        assertEquals((180 + 1500) / 2.0, number(total, "averageFirstResponseSeconds"), "3 and 25 minutes from each round's start");
        assertEquals(2, number(total, "resolved"));
        assertEquals((1800 + 2400) / 2.0, number(total, "averageResolutionSeconds"));
        assertEquals(1, number(total, "firstResponseBreaches"), "the second round's reply came 15 minutes late");
        assertEquals(0, number(total, "resolutionBreaches"));
        // the chat itself counts on the day PostgreSQL created its row (now(), which the test's clock does not move)
        String created = data.db().queryOne("SELECT (created_at AT TIME ZONE 'Europe/Samara')::date::text FROM conversations WHERE id = ?",
                rs -> rs.getString(1), id).orElseThrow();
        Map<String, Object> chats = figures(chatStats(boss, created, created).get("total"));
        assertEquals(1, number(chats, "chats"));
        assertEquals(1, number(chats, "byPeople"));
        long written = data.db().queryLong("SELECT count(*) FROM messages WHERE conversation_id = ? AND sender <> 'system'", id);
        assertEquals((double) written, number(chats, "messagesPerChat"), "clients', the AI's and operators' messages of the one chat");
        List<Map<String, Object>> days = (List<Map<String, Object>>) report.get("days");
        assertEquals(List.of(1.0, 1.0), days.stream().map(day -> number(figures(day.get("figures")), "rounds")).toList(), "a round on each day");
        Map<String, Object> olgaRow = ((List<Map<String, Object>>) report.get("operators")).stream()
                .filter(row -> "olga".equals(data.db().queryOne("SELECT login FROM operators WHERE id = ?", rs -> rs.getString(1),
                        ((Number) row.get("operatorId")).longValue()).orElseThrow())).findFirst().orElseThrow();
        assertEquals(2, number(figures(olgaRow.get("figures")), "rounds"), "both rounds count under the operator who answered them");
    }

    private static Map<String, Object> chatStats(Api boss, String from, String to) {
        Api.Reply stats = boss.get("/api/stats/chats?startDate=" + from + "&endDate=" + to + "&city="
                + java.net.URLEncoder.encode("Самара", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, stats.status(), stats.toString());
        return stats.data();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(Object figures) {
        return (Map<String, Object>) figures;
    }

    private static double number(Map<String, Object> figures, String key) {
        return ((Number) figures.get(key)).doubleValue();
    }

    private static long chats(Api boss, String figure) {
        return ((Number) boss.get("/api/stats/wallboard").data().get(figure)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sla(Map<String, Object> chat) {
        Map<String, Object> conversation = chat.containsKey("conversation") ? (Map<String, Object>) chat.get("conversation") : chat;
        return (Map<String, Object>) conversation.get("sla");
    }
}
