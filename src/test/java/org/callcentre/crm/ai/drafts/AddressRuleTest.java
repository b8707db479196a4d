package org.callcentre.crm.ai.drafts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Addresses as they are said, written back in the short form; the visit's one and its corrections kept. */
class AddressRuleTest {
    private static String address(String text) {
        Tokens t = Tokens.of(text);
        DraftField f = AddressRule.find(t, new boolean[t.size()]);
        return f == null ? null : f.value();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "адрес улица весенняя дом три квартира сорок один | ул. Весенняя, д. 3, кв. 41",
            "записывайте тимирязева восемьдесят восемь квартира сто пять | ул. Тимирязева, д. 88, кв. 105",
            "проспект космонавтов сто одиннадцать корпус четыре квартира девять | пр-т Космонавтов, д. 111, корп. 4, кв. 9",
            "улица лермонтова дом двадцать семь в квартира три | ул. Лермонтова, д. 27В, кв. 3",
            "улица гоголя дом пять бэ | ул. Гоголя, д. 5Б",
            "адрес садовая двенадцать дробь три квартира восемь | ул. Садовая, д. 12/3, кв. 8",
            "третья линейная улица дом два квартира шесть | 3-я Линейная ул., д. 2, кв. 6",
            "адрес сорок седьмая северная дом девять | ул. 47-я Северная, д. 9",
            "улица восьмого марта дом тридцать квартира два | ул. 8 Марта, д. 30, кв. 2",
            "улица пятьдесят лет октября дом шесть | ул. 50 лет Октября, д. 6",
            "улица тридцатилетия победы дом четыре | ул. 30-летия Победы, д. 4",
            "ломоносовский проспект сорок квартира семь | Ломоносовский пр-т, д. 40, кв. 7",
            "мы живем на улице полевой дом восемь квартира один | ул. Полевая, д. 8, кв. 1",
            "переулок кленовый дом четырнадцать частный дом | пер. Кленовый, д. 14",
            // «номер» between the cue and the number, a filler before the street, an ordinal agreeing with the type
            "записывайте проспект победы дом сорок квартира номер семнадцать | пр-т Победы, д. 40, кв. 17",
            "адрес ээ липовый переулок девять | Липовый пер., д. 9",
            "вторая полевая улица дом шесть | 2-я Полевая ул., д. 6",
            "второй садовый переулок дом шесть | 2-й Садовый пер., д. 6"})
    void aSpokenAddressIsWrittenShort(String said, String written) {
        assertEquals(written, address(said));
    }

    @Test
    void theLastAddressSaidIsTheVisitsAndARepetitionKeepsWhatItDoesNotRepeat() {
        assertEquals("ул. Цветочная, д. 4, кв. 18", address(
                "прописана я на улице мира дом один квартира два а живу на цветочной четыре квартира восемнадцать туда и приезжайте"));
        assertEquals("ул. Зеленая, д. 7, кв. 3", address(
                "оператор: адрес\nклиент: улица зеленая дом семь квартира три\nоператор: зеленая семь квартира три верно"));
    }

    @Test
    void aNumberCorrectedLaterCounts() {
        assertEquals("ул. Весенняя, д. 19, кв. 5", address("улица весенняя дом девять квартира пять ой не девять а девятнадцать"));
        assertEquals("ул. Весенняя, д. 9, кв. 51", address("улица весенняя дом девять квартира пять извините квартира пятьдесят один"));
        assertEquals("ул. Весенняя, д. 9, корп. 2", address("улица весенняя дом девять корпус один нет корпус два"));
        assertEquals("ул. Весенняя, д. 9В", address("улица весенняя дом девять ой забыла с буквой в"));
        assertEquals("ул. Весенняя, д. 9, кв. 33", address("улица весенняя дом девять квартира номер тридцать ой квартира номер тридцать три"));
    }

    @Test
    void timesCountsAndCodesAreNoAddress() {
        assertNull(address("приезжайте в четверг в два"));
        assertNull(address("марка самсунг пятьдесят пять дюймов"));
        assertNull(address("пишет ошибку эф ноль пять"));
        assertEquals("ул. Весенняя, д. 3, кв. 41", address("улица весенняя дом три квартира сорок один домофон сорок один вызов"));
    }
}
