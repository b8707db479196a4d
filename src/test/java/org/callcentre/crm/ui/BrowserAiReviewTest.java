package org.callcentre.crm.ui;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.ai.answers.AiAnswerService;
import org.callcentre.crm.ai.answers.QuestionRequest;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.knowledge.KbEntryRequest;
import org.callcentre.crm.knowledge.KnowledgeService;
import org.callcentre.crm.live.LivePushQueue;
import org.callcentre.crm.live.Settle;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The improvement loop in Chromium: a supervisor opens the AI review from the menu, sees the
 * handed-off questions in two groups, adds one to its closest entry in one click (it leaves the
 * list, the entry has it), and sees the draft field operators edit most at the top of the table.
 */
@MicronautTest(transactional = false)
class BrowserAiReviewTest {
    @Inject
    EmbeddedServer server;
    @Inject
    TestData data;
    @Inject
    LivePushQueue pushes;
    @Inject
    KnowledgeService knowledge;
    @Inject
    AiAnswerService answers;

    @AfterEach
    void settle() throws InterruptedException {
        Settle.everything(data, pushes);
    }

    @Test
    void aSupervisorAddsAHandedOffQuestionToItsClosestEntryAndSeesTheWeakDraftFields() throws Exception {
        BrowserScenario browser = BrowserScenario.against(server);
        KazanCallCentre centre = new KazanCallCentre(data, null);
        Actor system = Actor.system("test");
        long scooters = knowledge.create(new KbEntryRequest("техника", "Ремонт электросамокатов",
                List.of("Ремонтируете электросамокаты?"), "Да, чиним электросамокаты любых марок.", null), system).id();
        for (String q : List.of("Можно оплатить картой?", "Оплата картой возможна?",
                "самокатик электрический сломался, беретесь за такое?", "а самокат электро почините? сломался")) {
            assertTrue(answers.ask(new QuestionRequest(q, "Казань"), system).handoff(), q);
        }
        long call = data.db().insert("INSERT INTO calls (source, external_id, city_id, direction, status, created_at) "
                + "VALUES ('ami', 'c1', ?, 'inbound', 'answered', now()) RETURNING id", centre.kazan);
        data.db().update("INSERT INTO call_drafts (call_id, draft, generator) VALUES (?, '{}'::jsonb, 'rules')", call);
        for (String[] review : List.of(new String[]{"address", "changed"}, new String[]{"city", "kept"},
                new String[]{"problem", "kept"}, new String[]{"client_name", "empty"})) {
            data.db().update("INSERT INTO draft_field_reviews (call_id, field, outcome, generator) VALUES (?, ?, ?, 'rules')",
                    call, review[0], review[1]);
        }

        Map<String, String> results = browser.run("ai-review", Map.of());

        assertEquals("2", results.get("groups"));
        String added = results.get("added");
        assertTrue(added.contains("самокат"), "the scooter group is the largest and its question went to the scooter entry: " + added);
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM kb_entries WHERE id = ? AND ? = ANY (questions)", scooters, added));
        assertEquals("3", results.get("questionsLeft"), "the added question left the list, the three others stay");
        assertEquals("Адрес", results.get("weakestField"));
        assertEquals("100.0 %", results.get("weakestShare"));
    }
}
