package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.language.Towns;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Whole drafts: the wrong number (every field null) and the appliance named in slang. */
class OrderDraftRulesTest {
    private static final LocalDateTime CALL = LocalDateTime.parse("2026-02-10T11:00");
    private final OrderDraftRules rules = new OrderDraftRules(Towns.russian());

    @Test
    void aWrongNumberHasEveryFieldNull() {
        OrderDraft taxi = rules.draft("алло это диспетчерская мне машину на улицу садовую дом пять завтра ой не туда попала",
                "Тула", CALL);
        assertNull(taxi.city());
        assertNull(taxi.address());
        assertNull(taxi.visitDate());
        OrderDraft declined = rules.draft("это поликлиника мне к терапевту на завтра нет мы такими вопросами не занимаемся",
                "Тула", CALL);
        assertNull(declined.visitDate());
        assertNull(declined.city());
        OrderDraft correction = rules.draft("холодильник течет улица мира дом два ой я ошиблась дом три завтра", "Тула", CALL);
        assertEquals("ул. Мира, д. 3", correction.address().value(), "a slip corrected in an order call is no wrong number");
    }

    @Test
    void slangNamesTheAppliance() {
        assertEquals("посудомоечная машина", rules.draft("пмм не сливает", null, CALL).equipmentType().value());
        assertEquals("телевизор", rules.draft("телик не показывает", null, CALL).equipmentType().value());
        assertEquals("сушильная машина", rules.draft("сушилка гудит", null, CALL).equipmentType().value());
        assertEquals("морозильник", rules.draft("морозильный ларь не морозит", null, CALL).equipmentType().value());
        assertEquals("водонагреватель", rules.draft("течет снизу из под бака титан", null, CALL).equipmentType().value());
        assertEquals("микроволновая печь", rules.draft("микроволновочка не греет", null, CALL).equipmentType().value());
    }
}
