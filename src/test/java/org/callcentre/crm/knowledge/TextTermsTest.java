package org.callcentre.crm.knowledge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTermsTest {
    private final TextTerms builtIn = new TextTerms(Lexicon.load(null));

    @Test
    void wordFormsBecomeTheirDictionaryLemmas() {
        assertEquals(List.of("стиральный", "машина"), new TextTerms(Lexicon.none()).terms("стиральной машиной"));
        assertEquals(new TextTerms(Lexicon.none()).terms("мастер пришёл"), new TextTerms(Lexicon.none()).terms("мастера придут"));
    }

    @Test
    void greetingsAndFillersCarryNoTerms() {
        assertEquals(List.of(), builtIn.terms("Здравствуйте, подскажите пожалуйста"));
    }

    @Test
    void colloquialWordsAreReadThroughTheLexiconInAnyForm() {
        Set<String> machine = Set.copyOf(builtIn.terms("стиральная машина"));
        assertEquals(machine, Set.copyOf(builtIn.terms("стиралка")));
        assertEquals(machine, Set.copyOf(builtIn.terms("стиралку")));
        assertEquals(builtIn.terms("холодильник"), builtIn.terms("холодос"));
        assertEquals(builtIn.terms("цена"), builtIn.terms("почём"));
    }

    @Test
    void standingIsNotAPriceUnlessTheMessageSpeaksOfMoney() {
        assertTrue(builtIn.terms("сколько стоит чистка бака").containsAll(builtIn.terms("цена")));
        assertTrue(builtIn.terms("стоит 300 рублей?").containsAll(builtIn.terms("цена")));
        List<String> standing = builtIn.terms("в баке вода стоит и не уходит");
        assertTrue(standing.stream().noneMatch(builtIn.terms("цена")::contains), standing.toString());
        assertTrue(standing.contains("стоять"), standing.toString());
    }

    @Test
    void theLanguagesMostCommonWordsSayLessThanRareOnes() {
        assertEquals(1.0, builtIn.specificity("озонирование"), 1e-9);
        assertEquals(1.0, builtIn.specificity("шиномонтажка"), 1e-9);
        assertTrue(builtIn.specificity("время") < 0.5, "время: " + builtIn.specificity("время"));
        assertTrue(builtIn.specificity("сделать") < builtIn.specificity("холодильник"));
    }

    @Test
    void misspelledWordsAreCorrectedByTheDictionarysSpeller() {
        assertEquals(builtIn.terms("диагностика"), builtIn.terms("диагностка"));
    }

    @Test
    void anAdminsLexiconLineIsReadLikeTheBuiltInOnes() throws IOException {
        TextTerms terms = new TextTerms(Lexicon.parse(new StringReader("# свои слова\nкондиционер = кондёр\n")));
        assertEquals(terms.terms("кондиционер"), terms.terms("кондёр"));
    }

    @Test
    void trigramsFindTheClosestKnownSpelling() {
        Trigrams vocabulary = new Trigrams(List.of("холодильник", "холод", "гарантия"));
        Trigrams.Similar similar = vocabulary.mostSimilar("халадильник", 0.5);
        assertNotNull(similar);
        assertEquals("холодильник", similar.term());
        assertTrue(vocabulary.mostSimilar("пицца", 0.5) == null);
    }

    @Test
    void theSentencesThatAskWeighMoreThanTheStoryAroundThem() {
        Map<String, Double> emphasis = builtIn.emphasis("У нас дача у озера, дом деревянный. Сколько стоит обработка от клещей?");

        assertEquals(TextTerms.CONTEXT_EMPHASIS, emphasis.get("дача"), 1e-9);
        assertEquals(1.0, emphasis.get("клещ"), 1e-9);
        assertEquals(1.0, emphasis.get("обработка"), 1e-9);
    }

    @Test
    void aMessageOfOneSentenceOrOnlyOfStoryWeighsEveryWordInFull() {
        assertTrue(builtIn.emphasis("дача у озера, сколько стоит обработка от клещей").values().stream().allMatch(e -> e == 1.0));
        assertTrue(builtIn.emphasis("Дача у озера. Клещи везде.").values().stream().allMatch(e -> e == 1.0));
    }

    @Test
    void requestsAndQuestionWordsMarkTheSentenceThatAsks() {
        assertTrue(TextTerms.asks("Подскажите по срокам"));
        assertTrue(TextTerms.asks("нужна уборка к пятнице"));
        assertTrue(TextTerms.asks("работаете в субботу?"));
        assertTrue(TextTerms.asks("а какие гарантии"));
        assertTrue(!TextTerms.asks("Купили дом в прошлом году"));
        assertTrue(!TextTerms.asks("Кашу не варим"), "«как» only as a whole word");
    }

    @Test
    void anAmbiguousFormTakesTheCommonerLemma() {
        TextTerms plain = new TextTerms(Lexicon.none());
        assertEquals(List.of("вещь"), plain.terms("вещи"));
        assertEquals(List.of("пожилой"), plain.terms("пожилых"));
    }

    @Test
    void wordsOfANeedAreReadAsTheServicesOfIt() {
        TextTerms withNeeds = new TextTerms(Lexicon.none(), Lexicon.loadNeeds(null));
        assertTrue(withNeeds.needOf("подтекать").contains("протечка"), withNeeds.needOf("подтекать").toString());
        assertTrue(withNeeds.needOf("шуршать").contains("мышь"));
        assertEquals(List.of(), withNeeds.needOf("суббота"));
    }
}
