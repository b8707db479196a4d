package org.callcentre.crm.ai.drafts;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline draft maker on the committed transcripts, and single drafts read field by field. */
class DraftEvaluationTest {
    private static final Path SET = Path.of("src/test/resources/drafts/transcripts.jsonl");

    @Test
    void theCommittedSetMeetsTheTargetOnAddressEquipmentAndVisitTime() throws Exception {
        DraftEvaluation.Result result = DraftEvaluation.evaluate(SET, new OrderDraftRules(DraftEvaluation.CITIES));
        assertTrue(result.transcripts() >= 60, "at least 60 transcripts");
        for (String field : new String[]{"address", "equipmentType", "visitDate"}) {
            double f1 = result.scores().get(field).f1();
            assertTrue(f1 >= 0.85, field + " F1 " + f1 + "; mistakes: " + result.mistakes());
        }
    }

    @Test
    void aTranscriptWithAnAddressAndADateGivesADraftWithBothAndTheirWords() {
        OrderDraft draft = new OrderDraftRules(DraftEvaluation.CITIES).draft(
                "добрый день меня зовут вера в казани у меня посудомойка не сливает воду улица баумана дом семь квартира "
                        + "девятнадцать приезжайте в четверг к одиннадцати",
                null, LocalDateTime.parse("2026-03-10T11:00"));
        assertEquals("ул. Баумана, д. 7, кв. 19", draft.address().value());
        assertEquals("улица баумана дом семь квартира девятнадцать", draft.address().evidence());
        assertEquals("2026-03-12T11:00", draft.visitDate().value());
        assertEquals("в четверг к одиннадцати", draft.visitDate().evidence());
        assertEquals("посудомоечная машина", draft.equipmentType().value());
        assertEquals("Казань", draft.city().value());
        assertEquals("Вера", draft.clientName().value());
        assertNotNull(draft.problem());
        assertTrue(draft.generated());
        assertTrue(draft.summary().contains("ул. Баумана, д. 7, кв. 19"), draft.summary());
    }

    @Test
    void writtenAddressesAndComplaintsAreReadToo() {
        OrderDraftRules rules = new OrderDraftRules(DraftEvaluation.CITIES);
        OrderDraft written = rules.draft("Адрес: ул. Ленина, дом 5, кв. 12, завтра после обеда", null, LocalDateTime.parse("2026-03-10T11:00"));
        assertEquals("ул. Ленина, д. 5, кв. 12", written.address().value());
        assertEquals("2026-03-11", written.visitDate().value());
        OrderDraft complaint = rules.draft("это безобразие мастер нахамил", null, LocalDateTime.parse("2026-03-10T11:00"));
        assertEquals("negative", complaint.sentiment());
        assertEquals(null, complaint.address());
    }
}
