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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat SLA on a clock the test moves, in Samara's zone with its hours Monday–Friday 09:00–18:00:
 * a chat queued on Friday at 17:55 is due on Monday at 09:05 (first response) and 09:55 (resolution);
 * the first deadline passing unmet is marked once and pushed, the wallboard counts the overdue chat
 * until it is closed, and a late reply keeps the breach.
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

    private static long chats(Api boss, String figure) {
        return ((Number) boss.get("/api/stats/wallboard").data().get(figure)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sla(Map<String, Object> chat) {
        Map<String, Object> conversation = chat.containsKey("conversation") ? (Map<String, Object>) chat.get("conversation") : chat;
        return (Map<String, Object>) conversation.get("sla");
    }
}
