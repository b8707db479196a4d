package org.callcentre.crm.shared;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonValuesTest {

    @Test
    void wholeNumbersAreReadFromNumbersAndDigitStrings() {
        Fields f = new Fields();
        assertEquals(5060, JsonValues.integer(f, "port", 5060));
        assertEquals(5060, JsonValues.integer(f, "port", 5060L));
        assertEquals(5061, JsonValues.integer(f, "port", " 5061 "));
        assertNull(JsonValues.integer(f, "port", null));
        assertFalse(f.has("port"));
    }

    @Test
    void fractionsTextAndHugeNumbersAreNotWholeNumbers() {
        for (Object raw : List.of(5060.5, "abc", 10_000_000_000L, true)) {
            Fields f = new Fields();
            JsonValues.integer(f, "port", raw);
            assertTrue(f.has("port"), String.valueOf(raw));
        }
    }

    @Test
    void onlyJsonBooleansAreBooleans() {
        Fields f = new Fields();
        assertEquals(false, JsonValues.bool(f, "enabled", false));
        assertNull(JsonValues.bool(f, "enabled", null));
        assertFalse(f.has("enabled"));
        JsonValues.bool(f, "enabled", "maybe");
        assertTrue(f.has("enabled"));
    }

    @Test
    void stringListsRefuseOtherShapes() {
        Fields f = new Fields();
        assertEquals(List.of("a", "b"), JsonValues.strings(f, "cities", List.of("a", "b")));
        assertNull(JsonValues.strings(f, "cities", null));
        assertFalse(f.has("cities"));
        JsonValues.strings(f, "cities", "a");
        assertTrue(f.has("cities"));
        Fields g = new Fields();
        JsonValues.strings(g, "cities", List.of("a", 1));
        assertTrue(g.has("cities"));
    }
}
