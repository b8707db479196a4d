package org.callcentre.crm.shared;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Totals of a list: exact up to the cap and never stale; past the cap an estimate, flagged, that the
 * next pages of the same filter reuse instead of counting again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagedQueryTotalsTest {
    private static final String FROM = "FROM calls c";
    private static final String NEWEST_FIRST = "c.created_at DESC, c.id DESC";

    @Inject
    TestData data;
    @Inject
    PagedQuery pages;
    long big;
    long small;

    @BeforeAll
    void fillTwoCities() {
        data.reset();
        big = data.city("Москва", "Europe/Moscow");
        small = data.city("Томск", "Asia/Tomsk");
        insertCalls(big, 0, 12_000);
        insertCalls(small, 0, 50);
        data.db().update("ANALYZE calls");
    }

    @AfterAll
    void emptyTheTables() {
        data.reset();
    }

    @Test
    void aFilterPastTheCapIsEstimatedAndItsNextPagesReuseTheEstimate() {
        Page<Long> first = page(big, PageRequest.of(1, 20));
        assertTrue(first.pagination().totalEstimated());
        assertTrue(first.pagination().total() > PagedQuery.EXACT_COUNT_LIMIT, first.pagination().toString());
        assertEquals(20, first.items().size());

        Page<Long> second = page(big, PageRequest.of(2, 20));
        assertEquals(first.pagination().total(), second.pagination().total());
        assertTrue(second.pagination().totalEstimated());
        assertEquals(20, second.items().size());
        assertTrue(second.items().get(0) < first.items().get(19), "the second page goes on where the first ended");
    }

    @Test
    void aFilterUnderTheCapIsCountedExactlyOnEveryRequest() {
        Page<Long> before = page(small, PageRequest.of(1, 20));
        assertEquals(50, before.pagination().total());
        assertFalse(before.pagination().totalEstimated());

        insertCalls(small, 1_000, 3);
        Page<Long> after = page(small, PageRequest.of(1, 20));
        assertEquals(53, after.pagination().total());
        assertFalse(after.pagination().totalEstimated());
    }

    private Page<Long> page(long cityId, PageRequest request) {
        SqlFilter filter = new SqlFilter().when(cityId, "c.city_id = ?");
        return pages.page("SELECT c.id", FROM, filter, NEWEST_FIRST, rs -> rs.getLong(1), request);
    }

    private void insertCalls(long cityId, int first, int count) {
        data.db().update("INSERT INTO calls (source, external_id, city_id, client_phone, ats_phone, direction, status, created_at) "
                        + "SELECT 'mango', 'paged-' || ? || '-' || g, ?, '+79160000000', '+74950000000', 'inbound', 'answered', "
                        + "timestamptz '2025-01-01T00:00:00Z' + g * interval '1 minute' FROM generate_series(?, ?) g",
                cityId, cityId, first, first + count - 1);
    }
}
