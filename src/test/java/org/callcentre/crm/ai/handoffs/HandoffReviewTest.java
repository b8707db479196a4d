package org.callcentre.crm.ai.handoffs;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervisors' improvement loop over HTTP on real PostgreSQL: questions the AI handed off are
 * grouped by what they ask, and one added as a variant of an entry is answered next time and
 * leaves the list.
 */
@MicronautTest(transactional = false)
class HandoffReviewTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api supervisor;
    Api admin;
    Api operator;
    long scooterEntry;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.city("Самара", "Europe/Samara");
        data.user("sveta", "supervisor", null, null);
        data.user("root", "admin", null, null);
        data.user("olga", "operator", kazan, "101");
        supervisor = new Api(client).login("sveta", TestData.PASSWORD);
        admin = new Api(client).login("root", TestData.PASSWORD);
        operator = new Api(client).login("olga", TestData.PASSWORD);
        entry("гарантия", "Гарантия", List.of("Какая гарантия на ремонт?"), "Гарантия на работу — 12 месяцев.", "");
        scooterEntry = entry("техника", "Ремонт электросамокатов",
                List.of("Ремонтируете электросамокаты?"), "Да, чиним электросамокаты любых марок.", "");
    }

    private long entry(String category, String title, List<String> questions, String answer, String city) {
        Api.Reply created = supervisor.post("/api/knowledge/entries",
                Map.of("category", category, "title", title, "questions", questions, "answer", answer, "city", city));
        assertEquals(201, created.status(), created.toString());
        return ((Number) created.data().get("id")).longValue();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private long handedOff(String question) {
        Api.Reply reply = operator.post("/api/ai/answer", Map.of("question", question, "city", "Казань"));
        assertEquals(true, reply.data().get("handoff"), question + " was to be handed off: " + reply);
        return ((Number) reply.data().get("id")).longValue();
    }

    @Test
    void handedOffQuestionsAreGroupedByWhatTheyAskWithTheClosestEntry() {
        handedOff("мой самокат на аккумуляторе сломался, возьмётесь?");
        handedOff("самокатик электрический сломался, беретесь за такое?");
        handedOff("а самокат электро почините? сломался");
        handedOff("Можно оплатить картой?");
        handedOff("Оплата картой возможна?");

        Api.Reply groups = supervisor.get("/api/ai/handoffs/groups");
        assertEquals(200, groups.status(), groups.toString());
        List<Map<String, Object>> list = groups.list();
        assertEquals(2, list.size(), list.toString());
        Map<String, Object> scooters = list.get(0);
        assertEquals(3, scooters.get("count"));
        assertEquals(3, ((List<?>) scooters.get("questions")).size());
        assertTrue(((List<?>) scooters.get("questions")).toString().contains("самокатик электрический"), scooters.toString());
        Map<?, ?> candidate = (Map<?, ?>) scooters.get("candidate");
        assertNotNull(candidate, scooters.toString());
        assertEquals("Ремонт электросамокатов", candidate.get("title"));
        assertEquals(2, list.get(1).get("count"));
        assertTrue(((List<?>) list.get(1).get("questions")).toString().contains("картой"), list.get(1).toString());

        assertEquals(5, admin.get("/api/ai/handoffs/groups?city=" + encode("Казань")).list().stream()
                .mapToInt(g -> (Integer) g.get("count")).sum());
        assertEquals(List.of(), admin.get("/api/ai/handoffs/groups?city=" + encode("Самара")).list(), "no hand-off came from Samara");
    }

    @Test
    void aQuestionAddedAsAVariantIsAnsweredNextTimeAndLeavesTheList() {
        String question = "самокатик электрический сломался, беретесь за такое?";
        long answerId = handedOff(question);
        handedOff("Можно оплатить картой?");

        Api.Reply added = supervisor.post("/api/ai/handoffs/" + answerId + "/variant", Map.of("entryId", scooterEntry));
        assertEquals(200, added.status(), added.toString());
        assertTrue(((List<?>) ((Map<?, ?>) added.data().get("entry")).get("questions")).contains(question));

        List<Map<String, Object>> open = supervisor.get("/api/ai/handoffs/groups").list();
        assertEquals(1, open.size(), open.toString());
        assertFalse(open.toString().contains("самокатик"), open.toString());
        Api.Reply again = operator.post("/api/ai/answer", Map.of("question", question, "city", "Казань"));
        assertEquals(false, again.data().get("handoff"), again.toString());
        assertEquals("Ремонт электросамокатов", again.data().get("title"));
        assertEquals(1L, data.db().queryLong(
                "SELECT count(*) FROM audit_log WHERE entity = 'ai_answer' AND entity_id = ? AND action = 'update'", String.valueOf(answerId)));
        // the same click twice changes nothing
        assertEquals(200, supervisor.post("/api/ai/handoffs/" + answerId + "/variant", Map.of("entryId", scooterEntry)).status());
        assertEquals(1, data.db().queryLong("SELECT cardinality(questions) - 1 FROM kb_entries WHERE id = ?", scooterEntry));
    }

    @Test
    void aBadEntryIsA400NamingTheFieldAndNothingIsWritten() {
        long answerId = handedOff("Можно оплатить картой?");
        Api.Reply missing = supervisor.post("/api/ai/handoffs/" + answerId + "/variant", Map.of());
        assertEquals(400, missing.status(), missing.toString());
        assertTrue(missing.errorFields().containsKey("entryId"), missing.toString());
        Api.Reply fraction = supervisor.post("/api/ai/handoffs/" + answerId + "/variant", Map.of("entryId", 1.5));
        assertEquals(400, fraction.status());
        assertTrue(fraction.errorFields().containsKey("entryId"), fraction.toString());
        Api.Reply unknown = supervisor.post("/api/ai/handoffs/" + answerId + "/variant", Map.of("entryId", 999_999));
        assertEquals(400, unknown.status());
        assertTrue(unknown.errorFields().containsKey("entryId"), unknown.toString());
        assertEquals(404, supervisor.post("/api/ai/handoffs/999999/variant", Map.of("entryId", scooterEntry)).status());
        assertEquals(400, supervisor.get("/api/ai/handoffs/groups?city=" + encode("Атлантида")).status());
        assertEquals(1, supervisor.get("/api/ai/handoffs/groups").list().size(), "still open");
        assertEquals(0L, data.db().queryLong("SELECT count(*) FROM ai_answers WHERE variant_added_at IS NOT NULL"));
    }

    @Test
    void aKazanQuestionCannotBecomeAVariantOfASamaraOnlyEntry() {
        long answerId = handedOff("Можно оплатить картой?");
        long samaraEntry = entry("выезд", "Выезд в Самаре", List.of("Сколько стоит выезд мастера?"), "Выезд бесплатный.", "Самара");
        Api.Reply refused = supervisor.post("/api/ai/handoffs/" + answerId + "/variant", Map.of("entryId", samaraEntry));
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(String.valueOf(refused.errorFields().get("entryId")).contains("Самара"), refused.toString());
        assertEquals(1, data.db().queryLong("SELECT cardinality(questions) FROM kb_entries WHERE id = ?", samaraEntry));
    }

    @Test
    void operatorsNeitherSeeNorAddHandOffs() {
        long answerId = handedOff("Можно оплатить картой?");
        assertEquals(403, operator.get("/api/ai/handoffs/groups").status());
        assertEquals(403, operator.post("/api/ai/handoffs/" + answerId + "/variant", Map.of("entryId", scooterEntry)).status());
        assertEquals(1, supervisor.get("/api/ai/handoffs/groups").list().size());
    }
}
