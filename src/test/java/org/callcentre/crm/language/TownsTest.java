package org.callcentre.crm.language;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Towns found in spoken words, whatever their case, and the CRM's cities added to the shipped list. */
class TownsTest {
    private static List<String> found(Towns towns, String text) {
        return towns.findAll(List.of(text.split(" "))).stream().map(Towns.Found::name).toList();
    }

    @Test
    void aTownIsFoundInAnyCaseAndALongerNameWinsAtTheSamePlace() {
        Towns towns = Towns.russian();
        assertEquals(List.of("Мытищи"), found(towns, "мы живем в мытищах у станции"));
        assertEquals(List.of("Старый Оскол"), found(towns, "приезжайте в старый оскол"));
        assertEquals(List.of("Старый Оскол"), found(towns, "мастер из старого оскола"));
        assertEquals(List.of("Ростов-на-Дону"), found(towns, "это в ростове на дону"));
        assertEquals(List.of("Санкт-Петербург"), found(towns, "я сейчас в питере"));
        assertEquals(List.of(), found(towns, "стиральная машина не отжимает"));
    }

    @Test
    void theCrmsOwnCitiesJoinTheListAndNamesAreWrittenAsListed() {
        Towns towns = Towns.russianAnd(List.of("Новопеределкино"));
        assertEquals(List.of("Новопеределкино"), found(towns, "в новопеределкине"));
        assertEquals("Новопеределкино", towns.canonical("новопеределкино"));
        assertEquals("Орёл", towns.canonical("орел"));
        assertNull(Towns.russian().canonical("Атлантида"));
    }
}
