package org.callcentre.crm.ai.answers;

import org.callcentre.crm.knowledge.IndexedEntry;
import org.callcentre.crm.knowledge.KnowledgeIndex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision on bases written for this test. The city rules: a service the base gives city by
 * city goes to a person in a city that has no entry of it, however well a general entry matches;
 * where the city has its own entry, that entry answers. The confidence: a runner-up entry as good
 * as the best one halves it.
 */
class AnswerDeciderTest {
    private static final KnowledgeIndex BASE = KnowledgeIndex.of(List.of(
            new IndexedEntry(1, "Адреса", "Пункт приёма: Томск", List.of("Где ваш пункт приёма?", "Куда сдать вещь в чистку самому?"),
                    "Пункт приёма в Томске: пр-т Ленина, 40, с 9 до 20.", "Томск"),
            new IndexedEntry(2, "Адреса", "Пункт приёма: Омск", List.of("Где ваш пункт приёма?", "Куда сдать вещь в чистку самому?"),
                    "Пункт приёма в Омске: ул. Масленникова, 12, с 10 до 19.", "Омск"),
            new IndexedEntry(3, "Зоны", "Зона выезда: Томск", List.of("Куда выезжает курьер?"), "Курьер выезжает по Томску и в Северск.", "Томск"),
            new IndexedEntry(4, "Зоны", "Зона выезда: Барнаул", List.of("Куда выезжает курьер?"), "Курьер выезжает по Барнаулу и в Новоалтайск.", "Барнаул"),
            new IndexedEntry(5, "Услуги", "Чистка одежды", List.of("Чистите пальто и куртки?", "Сколько стоит чистка вещи?"),
                    "Чистка пальто — 1500 ₽, куртки — 1200 ₽, срок 3 дня.", null)));

    private final AnswerDecider decider = new AnswerDecider(new AnswerPolicy(0.55, List.of(), List.of()));

    @Test
    void aServiceOtherCitiesHaveAndThisCityLacksGoesToAPerson() {
        AnswerDecision decision = decider.decide(BASE, "куда самому привезти вещь в пункт приёма?", "Барнаул");

        assertTrue(decision.handoff());
        assertEquals(AnswerDecision.NOT_IN_CITY, decision.reason());
    }

    @Test
    void namingTheCityDoesNotLetItsZoneEntryAnswerForAServiceItLacks() {
        AnswerDecision decision = decider.decide(BASE, "в Барнауле есть пункт приёма, куда самому привезти?", "Барнаул");

        assertEquals(AnswerDecision.NOT_IN_CITY, decision.reason());
    }

    @Test
    void theCitysOwnEntryOfTheServiceAnswers() {
        AnswerDecision decision = decider.decide(BASE, "куда самому привезти вещь в пункт приёма?", "Омск");

        assertFalse(decision.handoff(), decision.reason());
        assertEquals("Пункт приёма: Омск", decision.title());
    }

    @Test
    void aQuestionOfAServiceForEveryCityIsAnsweredInAnyServedCity() {
        AnswerDecision decision = decider.decide(BASE, "сколько стоит почистить пальто?", "Барнаул");

        assertFalse(decision.handoff(), decision.reason());
        assertEquals("Чистка одежды", decision.title());
    }

    @Test
    void aRunnerUpAsGoodAsTheBestEntryHandsTheQuestionOff() {
        KnowledgeIndex twins = KnowledgeIndex.of(List.of(
                new IndexedEntry(1, "выезд", "Выезд в Казани", List.of("Сколько стоит выезд мастера?"), "500 рублей.", null),
                new IndexedEntry(2, "выезд", "Выезд в области", List.of("Сколько стоит выезд мастера?"), "900 рублей.", null)));
        AnswerDecision decision = decider.decide(twins, "сколько стоит выезд мастера", null);

        assertTrue(decision.sources().get(0).confidence() >= 0.55, decision.toString());
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
