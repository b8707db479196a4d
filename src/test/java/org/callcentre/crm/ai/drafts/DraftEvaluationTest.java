package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.language.Towns;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline draft maker on the committed transcripts, and single drafts read field by field. */
class DraftEvaluationTest {
    private static final Path SET = Path.of("src/test/resources/drafts/transcripts.jsonl");

    @Test
    void theCommittedSetMeetsTheTargetOnAddressEquipmentAndVisitTime() throws Exception {
        List<EvalDraftsCommand.Scored> scored = EvalDraftsCommand.evaluate(SET, OrderDrafts.offline(List.of(), ZoneId.of("Europe/Moscow")));
        assertTrue(scored.size() >= 60, "at least 60 transcripts");
        EvalDraftsCommand.Tally tally = EvalDraftsCommand.Tally.of(scored);
        for (String field : new String[]{"address", "equipmentType", "visitDate"}) {
            assertTrue(tally.accuracy(field) >= 0.85, field + " accuracy " + tally.accuracy(field));
        }
    }

    @Test
    void aTranscriptWithAnAddressAndADateGivesADraftWithBothAndTheirWords() {
        OrderDraft draft = new OrderDraftRules(Towns.russian()).draft(
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
        OrderDraftRules rules = new OrderDraftRules(Towns.russian());
        OrderDraft written = rules.draft("Адрес: ул. Ленина, дом 5, кв. 12, завтра после обеда", null, LocalDateTime.parse("2026-03-10T11:00"));
        assertEquals("ул. Ленина, д. 5, кв. 12", written.address().value());
        assertEquals("2026-03-11", written.visitDate().value());
        OrderDraft complaint = rules.draft("это безобразие мастер нахамил", null, LocalDateTime.parse("2026-03-10T11:00"));
        assertEquals("negative", complaint.sentiment());
        assertEquals(null, complaint.address());
    }
}
