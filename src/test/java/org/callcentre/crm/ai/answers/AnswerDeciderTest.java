package org.callcentre.crm.ai.answers;

import org.callcentre.crm.knowledge.IndexedEntry;
import org.callcentre.crm.knowledge.KnowledgeIndex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerDeciderTest {
    private final AnswerDecider decider = new AnswerDecider(new AnswerPolicy(0.6, List.of(), List.of()));

    @Test
    void aRunnerUpAsGoodAsTheBestEntryHandsTheQuestionOff() {
        KnowledgeIndex twins = KnowledgeIndex.of(List.of(
                new IndexedEntry(1, "выезд", "Выезд в Казани", List.of("Сколько стоит выезд мастера?"), "500 рублей.", null),
                new IndexedEntry(2, "выезд", "Выезд в области", List.of("Сколько стоит выезд мастера?"), "900 рублей.", null)));
        AnswerDecision decision = decider.decide(twins, "сколько стоит выезд мастера", null);
        assertTrue(decision.sources().get(0).confidence() >= 0.6, decision.toString());
        assertTrue(decision.handoff(), decision.toString());
        assertEquals(AnswerDecision.LOW_CONFIDENCE, decision.reason());
        assertEquals(decision.sources().get(0).confidence() / 2, decision.confidence(), 0.01, "a runner-up as good halves it");
    }

    @Test
    void aDistantRunnerUpLeavesTheBestEntrysConfidence() {
        KnowledgeIndex index = KnowledgeIndex.of(List.of(
                new IndexedEntry(1, "выезд", "Выезд", List.of("Сколько стоит выезд мастера?"), "500 рублей.", null),
                new IndexedEntry(2, "гарантия", "Гарантия", List.of("Какая гарантия на ремонт?"), "Год.", null)));
        AnswerDecision decision = decider.decide(index, "сколько стоит выезд мастера", null);
        assertFalse(decision.handoff(), decision.toString());
        assertEquals(decision.sources().get(0).confidence(), decision.confidence(), 0.001);
    }
}
