package org.callcentre.crm.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeIndexTest {
    private static final List<IndexedEntry> ENTRIES = List.of(
            new IndexedEntry(1, "гарантия", "Гарантия", List.of("Какая гарантия на ремонт?"), "Год.", null),
            new IndexedEntry(2, "районы", "Районы", List.of("В какие районы выезжаете?"), "Вся Москва.", "Москва"),
            new IndexedEntry(3, "районы", "Районы", List.of("В какие районы выезжаете?"), "Вся Казань.", "Казань"),
            new IndexedEntry(4, "техника", "Ноутбуки", List.of("Do you repair laptops?"), "Yes.", null),
            new IndexedEntry(5, "цены", "Ремонт стиральных машин", List.of("Сколько стоит ремонт стиральной машины?"),
                    "От 1200 ₽ за работу.", null),
            new IndexedEntry(6, "услуги", "Чего не чиним", List.of("Какую технику не ремонтируете?"),
                    "Не чиним чайники, утюги, фены и пылесосы.", null));

    @Test
    void russianWordFormsMeetThroughTheirLemmas() {
        Candidate best = KnowledgeIndex.of(ENTRIES).search("гарантию на ремонты даёте?", null, 1).get(0);
        assertEquals(1, best.entryId());
        assertTrue(best.confidence() > 0.5, String.valueOf(best.confidence()));
    }

    @Test
    void typosAndYoAreForgiven() {
        assertEquals(1, KnowledgeIndex.of(ENTRIES).search("какая гаранитя", null, 1).get(0).entryId());
        assertEquals(2, KnowledgeIndex.of(ENTRIES).search("в какие раёны выезжаете", "Москва", 1).get(0).entryId());
    }

    @Test
    void slangMeetsTheServicesName() {
        List<Candidate> found = KnowledgeIndex.of(ENTRIES).search("почём починить стиралку", null, 2);
        assertEquals(5, found.get(0).entryId());
        assertTrue(found.get(0).confidence() > found.get(1).confidence() + 0.15, found.toString());
    }

    @Test
    void aWordOnlyTheAnswerHoldsFindsItsEntry() {
        assertEquals(6, KnowledgeIndex.of(ENTRIES).search("фен сломался", null, 1).get(0).entryId());
    }

    @Test
    void aBaseWithCityEntriesServesOnlyThoseCities() {
        KnowledgeIndex index = KnowledgeIndex.of(ENTRIES);
        assertTrue(index.serves("казань"));
        assertTrue(!index.serves("Тюмень"));
        assertTrue(KnowledgeIndex.of(ENTRIES.subList(0, 1)).serves("Тюмень"), "no city entries: every city");
    }

    @Test
    void englishIsStemmedToo() {
        assertEquals(4, KnowledgeIndex.of(ENTRIES).search("repairing my laptop", null, 1).get(0).entryId());
    }

    @Test
    void cityEntriesAnswerOnlyTheirCity() {
        KnowledgeIndex index = KnowledgeIndex.of(ENTRIES);
        assertEquals(3, index.search("районы выезда", "Казань", 1).get(0).entryId());
        assertTrue(index.search("районы выезда", null, 3).stream().noneMatch(c -> c.city() != null));
    }

    @Test
    void oneSearchOverEveryCityScoresEachEntryAsItsOwnCitysSearchDoes() {
        KnowledgeIndex index = KnowledgeIndex.of(ENTRIES);
        List<Candidate> everywhere = index.searchEveryCity("куда выезжаете в какие районы");

        assertEquals(List.of(2L, 3L), everywhere.stream().filter(c -> c.city() != null).map(Candidate::entryId).toList());
        assertEquals(index.search("куда выезжаете в какие районы", "Казань", 1).get(0).confidence(),
                everywhere.stream().filter(c -> c.entryId() == 3).findFirst().orElseThrow().confidence(), 1e-9);
    }

    @Test
    void unrelatedQuestionsFindNothingOrLittle() {
        List<Candidate> found = KnowledgeIndex.of(ENTRIES).search("какая завтра погода", null, 1);
        assertTrue(found.isEmpty() || found.get(0).confidence() < 0.5, found.toString());
    }

    @Test
    void goodRatingsRaiseAnEntryAndBadOnesLowerIt() {
        double plain = KnowledgeIndex.of(ENTRIES).search("гарантия", null, 1).get(0).confidence();
        double liked = KnowledgeIndex.of(ENTRIES, Map.of(1L, KnowledgeIndex.ratingShift(10, 50)))
                .search("гарантия", null, 1).get(0).confidence();
        double disliked = KnowledgeIndex.of(ENTRIES, Map.of(1L, KnowledgeIndex.ratingShift(10, 10)))
                .search("гарантия", null, 1).get(0).confidence();
        assertTrue(liked > plain || liked == 1.0, plain + " -> " + liked);
        assertTrue(disliked < plain, plain + " -> " + disliked);
        assertEquals(0.0, KnowledgeIndex.ratingShift(0, 0));
        assertTrue(KnowledgeIndex.ratingShift(1, 5) < KnowledgeIndex.ratingShift(20, 100), "one rating moves less than many");
    }

    @Test
    void wordsSpreadOverTheVariantsOfOneEntryCountTogether() {
        String question = "чистите ковры и забираете их в мастерскую?";
        IndexedEntry carpets = new IndexedEntry(1, "ковры", "Чистка ковров", List.of("Чистите ковры?", "Забираете в мастерскую?"),
                "Любого размера.", null);
        double together = KnowledgeIndex.of(List.of(carpets)).search(question, null, 1).get(0).confidence();
        double apart = KnowledgeIndex.of(List.of(
                new IndexedEntry(1, "ковры", "Чистка ковров", List.of("Чистите ковры?"), "Любого размера.", null),
                new IndexedEntry(2, "ковры", "Мастерская", List.of("Забираете в мастерскую?"), "Да.", null)))
                .search(question, null, 1).get(0).confidence();
        assertTrue(together > apart + 0.1, together + " vs " + apart);
    }

    @Test
    void aThingNoEntryNamesWeighsMoreThanItsShareOfTheQuestion() {
        KnowledgeIndex index = KnowledgeIndex.of(List.of(
                new IndexedEntry(1, "уборка", "Уборка дома", List.of("Убираете частные дома?"), "Уборка дома от 5000 рублей.", null),
                new IndexedEntry(2, "окна", "Мойка окон", List.of("Моете окна?"), "С двух сторон.", null)));
        double plain = index.search("уборка частного дома", null, 1).get(0).confidence();
        double snow = index.search("убрать снег у частного дома", null, 1).get(0).confidence();
        assertTrue(plain > 0.8, String.valueOf(plain));
        assertTrue(snow < 0.7 * plain, "snow is no entry's: " + snow + " against " + plain);
    }

    private static final List<IndexedEntry> PLUMBING = List.of(
            new IndexedEntry(1, "услуги", "Устранение протечек", List.of("Устраняете протечки?", "Сколько стоит устранить протечку?"),
                    "Найдём и устраним протечку за один визит, от 1500 ₽.", null),
            new IndexedEntry(2, "услуги", "Установка смесителя", List.of("Ставите смесители?"), "Установка смесителя — 1200 ₽.", null),
            new IndexedEntry(3, "цены", "Вызов сантехника", List.of("Сколько стоит вызов сантехника?"), "Вызов бесплатный при заказе работ.", null),
            new IndexedEntry(4, "скидки", "Скидки пенсионерам", List.of("Есть скидка пенсионерам?"), "Пенсионерам скидка 10 %.", null));

    @Test
    void aNeedInTheClientsOwnWordsFindsTheServiceTheBaseNamesForIt() {
        List<Candidate> found = KnowledgeIndex.of(PLUMBING).search("под раковиной подтекает, на полу лужа", null, 2);
        assertEquals(1, found.get(0).entryId(), found.toString());

        List<Candidate> shortly = KnowledgeIndex.of(PLUMBING).search("опять подтекает и капает", null, 2);
        assertEquals(1, shortly.get(0).entryId(), shortly.toString());
        assertTrue(shortly.get(0).confidence() >= 0.4, shortly.toString());
    }

    @Test
    void aNeedWhoseServicesTheBaseNeverNamesLiftsNoEntry() {
        KnowledgeIndex cleaning = KnowledgeIndex.of(List.of(
                new IndexedEntry(1, "услуги", "Мойка окон", List.of("Моете окна?"), "Да, от 800 ₽.", null)));
        List<Candidate> found = cleaning.search("у соседей сверху подтекает, лужа", null, 1);

        assertTrue(found.isEmpty() || found.get(0).confidence() < 0.2, found.toString());
    }

    @Test
    void anAdminsNeedsFileAddsANeedOfTheirTrade(@TempDir Path dir) throws IOException {
        List<IndexedEntry> body = List.of(
                new IndexedEntry(1, "кузов", "Полировка кузова", List.of("Делаете полировку?"), "Полировка от 6000 ₽.", null),
                new IndexedEntry(2, "кузов", "Покраска", List.of("Красите детали?"), "Покраска детали от 9000 ₽.", null));
        Path needs = Files.writeString(dir.resolve("needs.txt"), "# свои\nполировка = царапинка, потертость\n");
        String question = "на двери потертости появились";

        assertTrue(KnowledgeIndex.of(body).search(question, null, 1).isEmpty());
        assertEquals(1, KnowledgeIndex.of(body, Map.of(), null, needs).search(question, null, 1).get(0).entryId());
    }

    @Test
    void theStoryAroundAQuestionDoesNotDrownIt() {
        String question = "Добрый день. Мама живёт одна в деревне, старенькая, руки болят, и кран у неё на кухне совсем разболтался. "
                + "Есть у вас скидка для пенсионеров?";
        List<Candidate> found = KnowledgeIndex.of(PLUMBING).search(question, null, 2);

        assertEquals(4, found.get(0).entryId(), found.toString());
        assertTrue(found.get(0).confidence() >= 0.4, found.toString());
    }

    @Test
    void aWordTheDictionaryKnowsIsNotReadAsAnotherBySpelling() {
        KnowledgeIndex index = KnowledgeIndex.of(List.of(
                new IndexedEntry(1, "доставка", "Доставка", List.of("Есть доставка техники?"), "Доставка 500 ₽.", null)));

        assertTrue(index.search("не могу достать ключ", null, 1).isEmpty());
        assertEquals(1, index.search("доставкка есть?", null, 1).get(0).entryId(), "a misspelling still finds it");
    }
}
