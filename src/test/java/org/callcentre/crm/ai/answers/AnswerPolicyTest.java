package org.callcentre.crm.ai.answers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerPolicyTest {
    private final AnswerPolicy policy = new AnswerPolicy(0.5, List.of("Жалобы"), List.of("жалоб", "не пришел", "в суд"));

    @Test
    void keywordsMatchAtTheStartOfAWordWhateverTheCaseOrYo() {
        assertEquals("жалоб", policy.neverAloneKeywordIn("Хочу оставить ЖАЛОБУ"));
        assertEquals("не пришел", policy.neverAloneKeywordIn("Мастер не пришёл!"));
        assertNull(policy.neverAloneKeywordIn("Посудомойка не пришла в норму"));
        assertNull(policy.neverAloneKeywordIn("судя по всему, сломался насос"));
    }

    @Test
    void categoriesAreComparedWithoutCase() {
        assertTrue(policy.personMustAnswerCategory("жалобы"));
    }

    @Test
    void aThresholdOutside0To1IsRefused() {
        try {
            new AnswerPolicy(1.5, List.of(), List.of());
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("1.5 accepted");
    }
}
