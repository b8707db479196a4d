package org.callcentre.crm.ai.drafts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The caller's name from what the caller says about themself, never the operator's from the greeting. */
class ClientNameRuleTest {
    private static String name(String text) {
        DraftField f = ClientNameRule.find(Tokens.of(text));
        return f == null ? null : f.value();
    }

    @Test
    void theAnswerToTheNameQuestionIsTheName() {
        assertEquals("Зоя", name("бытремонт галина слушаю здравствуйте плита не греет как вас зовут зоя зоя хорошо"));
        assertEquals("Тимофей", name("оператор: как к вам обращаться\nклиент: ну тимофей\nоператор: тимофей записала"));
        assertEquals("Раиса Павловна", name("на кого запись раиса павловна"));
        assertEquals("Лейла", name("ваше имя лейла лейла в среду"), "a name the dictionary may not tag, said twice");
        assertEquals("Тимур", name("оператор: как к вам обращаться\nклиент: алло зовите тимур"));
        assertEquals("Вера", name("на кого записать заявку значит пишите вера"));
        assertEquals("Глеб", name("ваше имя пожалуйста алло можно просто глеб"));
    }

    @Test
    void aCallerIntroducingThemselfIsTakenButNotTheOperatorsGreeting() {
        assertEquals("Григорий", name("сервис плюс полина слушаю добрый день меня зовут григорий у меня холодильник"));
        assertEquals("Вадим", name("здравствуйте полина меня вадим зовут"));
        assertEquals("Полина", name("здравствуйте меня зовут полина у меня утюг сгорел"), "a caller speaking first");
        assertNull(name("оператор: мастерская меня зовут полина слушаю\nклиент: здравствуйте полина у меня холодильник"));
    }

    @Test
    void aRefusalOrASurnameAloneGivesNoName() {
        assertNull(name("как вас зовут не надо имени просто запишите адрес"));
        assertNull(name("оператор: ваше имя\nклиент: запишите просто кузнецов"));
        assertEquals("Денис", name("как вас зовут кузнецов денис"));
        assertNull(name("как вас записать обойдусь без имени"));
    }
}
