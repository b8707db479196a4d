package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.language.Towns;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The visit's city: the line's unless another town is named as the place. */
class CityRuleTest {
    private static String city(String text, String line, boolean visit) {
        DraftField f = CityRule.find(Tokens.of(text), Towns.russian(), line, visit);
        return f == null ? null : f.value();
    }

    @Test
    void theLinesCityUnlessAnotherTownIsNamedAsThePlace() {
        assertEquals("Тверь", city("улица советская дом два", "Тверь", true));
        assertEquals("Мытищи", city("мы в мытищах улица мира дом два", "Москва", true));
        assertEquals("Балашиха", city("адрес город балашиха улица мира дом два", "Москва", true));
        assertEquals("Москва", city("холодильник из мытищ привезли улица мира дом два", "Москва", true), "where it came from");
        assertEquals("Москва", city("в советском районе улица мира дом два", "Москва", true), "a district, not the town");
    }

    @Test
    void withoutAVisitTheCityIsOnlyWhatWasSaid() {
        assertNull(city("сколько стоит диагностика", "Тверь", false));
        assertEquals("Тверь", city("сколько у вас в твери стоит диагностика", "Тверь", false));
        assertNull(city("улица мира дом два", null, true));
    }
}
