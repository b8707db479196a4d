package org.callcentre.crm.ai.drafts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accuracy rules of ai-eval-rules.md, field by field, on values written here. */
class DraftScoringTest {
    @Test
    void anExpectedNullNeedsNullOrEmpty() {
        assertTrue(DraftScoring.right("city", null, null));
        assertTrue(DraftScoring.right("address", null, "  "));
        assertFalse(DraftScoring.right("clientName", null, "Пётр"));
        assertFalse(DraftScoring.right("city", "Тула", null));
    }

    @Test
    void anAddressAgreesOnStreetWordsHouseWithLetterAndFlatButNotOnTypeWords() {
        assertTrue(DraftScoring.right("address", "ул. Весенняя, д. 3А, кв. 7", "Весенняя ул., д. 3а, кв. 7"));
        assertTrue(DraftScoring.right("address", "пр-т Космонавтов, д. 11", "проспект космонавтов, д. 11, кв. 40"),
                "a flat is ignored when none is expected");
        assertTrue(DraftScoring.right("address", "ул. Нижне-Заречная, д. 5", "ул. Нижне Заречная, д. 5"));
        assertFalse(DraftScoring.right("address", "ул. Весенняя, д. 3А, кв. 7", "ул. Весенняя, д. 3, кв. 7"), "the letter counts");
        assertFalse(DraftScoring.right("address", "ул. Весенняя, д. 3, кв. 7", "ул. Весенняя, д. 3, кв. 8"));
        assertFalse(DraftScoring.right("address", "2-я Линейная ул., д. 1", "ул. Линейная, д. 1"), "a street's number is its name");
        assertTrue(DraftScoring.right("address", "ул. Озёрная, д. 64/2", "ул. Озерная, д. 64/2"));
    }

    @Test
    void equipmentAgreesOnTheStemThatTellsAppliancesApart() {
        assertTrue(DraftScoring.right("equipmentType", "электроплита", "плита"));
        assertTrue(DraftScoring.right("equipmentType", "водонагреватель", "бойлер"));
        assertFalse(DraftScoring.right("equipmentType", "морозильник", "холодильник"));
    }

    @Test
    void aVisitNeedsItsDateAndItsHourOnlyWhenATimeIsExpected() {
        assertTrue(DraftScoring.right("visitDate", "2026-01-09", "2026-01-09T10:00"));
        assertTrue(DraftScoring.right("visitDate", "2026-01-09T10:30", "2026-01-09T10:00"));
        assertFalse(DraftScoring.right("visitDate", "2026-01-09T10:00", "2026-01-09"));
        assertFalse(DraftScoring.right("visitDate", "2026-01-09T10:00", "2026-01-09T11:00"));
    }

    @Test
    void aNameAgreesOnItsFirstWordAndAProblemOnTheStemOfAKeyWord() {
        assertTrue(DraftScoring.right("clientName", "Зоя Петровна", "зоя"));
        assertFalse(DraftScoring.right("clientName", "Зоя", "Петровна"));
        assertTrue(DraftScoring.right("problem", "перестала отжимать", "не отжимает бельё"));
        assertFalse(DraftScoring.right("problem", "не отжимает", "не включается"), "«не» is not a key word");
    }
}
