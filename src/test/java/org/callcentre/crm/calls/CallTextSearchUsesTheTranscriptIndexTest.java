package org.callcentre.crm.calls;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.shared.SqlFilter;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/calls?text=} finds calls through the transcripts' GIN index, with Russian stemming. */
@MicronautTest(transactional = false)
class CallTextSearchUsesTheTranscriptIndexTest {
    private static final int CALLS = 30_000;

    @Inject
    TestData data;
    @Inject
    CallRepository repository;
    @Inject
    CallService service;

    @Test
    void aWordInAnyFormIsFoundThroughTheIndexAmongManyTranscripts() {
        data.reset();
        data.db().update("INSERT INTO calls (source, external_id, direction, status, created_at) "
                + "SELECT 'ami', 'c' || i, 'inbound', 'answered', timestamptz '2025-01-01' + i * interval '10 minutes' "
                + "FROM generate_series(1, ?) i", CALLS);
        data.db().update("INSERT INTO transcripts (call_id, engine, language, text) SELECT id, 'vosk', 'ru', "
                // a few minutes of talk each, as real transcripts are
                + "repeat('алло здравствуйте стиральная машина не сливает воду приезжайте завтра после обеда улица ленина дом ' || id || ' ', 8) "
                + "|| CASE WHEN id % 5000 = 0 THEN 'у меня сломался холодильник' ELSE '' END FROM calls");
        data.db().update("ANALYZE transcripts");
        data.db().update("ANALYZE calls");
        Actor admin = new Actor(1L, "admin", org.callcentre.crm.auth.Role.admin, null, null);

        CallFilter filter = service.filter(new CallListRequest(null, null, null, null, null, null, null, null, "холодильником"), admin);
        assertEquals(CALLS / 5000, repository.list(filter, org.callcentre.crm.shared.PageRequest.of(1, 100)).items().size());

        SqlFilter where = repository.where(filter);
        String plan = String.join("\n", data.db().query("EXPLAIN " + repository.pageIdsSql(where), rs -> rs.getString(1),
                where.params(20, 0)));
        assertTrue(plan.contains("transcripts_search_idx"), plan);
        assertFalse(plan.contains("Seq Scan on transcripts"), plan);
        assertFalse(plan.contains("Seq Scan on calls"), plan);
    }
}
