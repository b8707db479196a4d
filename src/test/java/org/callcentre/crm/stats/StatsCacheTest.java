package org.callcentre.crm.stats;

import org.callcentre.crm.shared.PrimaryOnly;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Answers are kept until a change touches a day their period may hold, and not used while a change is underway. */
class StatsCacheTest {
    private static final StatsPeriod JANUARY = new StatsPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"),
            ZoneId.of("Europe/Moscow"));
    private static final Sql STATEMENT = new Sql("SELECT 1 WHERE ? < ?", JANUARY.start(), JANUARY.end());

    /** No read replica: what {@code CRM_DB_READ_URL} unset gives (ReadReplicaTest covers a real standby). */
    private final StatsCache cache = new StatsCache(new PrimaryOnly());
    private final AtomicInteger reads = new AtomicInteger();

    private List<Integer> read() {
        return cache.get(STATEMENT, JANUARY, () -> List.of(reads.incrementAndGet()));
    }

    private void change(String day) {
        RollupsChanged change = new RollupsChanged(Set.of(LocalDate.parse(day)));
        cache.changeBegins(change);
        cache.changeEnded(change);
    }

    @Test
    void anAnswerIsReadOnceUntilItsDaysChange() {
        assertEquals(List.of(1), read());
        assertEquals(List.of(1), read());

        change("2025-02-15");
        assertEquals(List.of(1), read(), "a change in mid-February leaves January alone");

        // 1 February in Vladivostok is still 31 January in Moscow for part of the day
        change("2025-02-01");
        assertEquals(List.of(2), read());
        assertEquals(List.of(2), read());
    }

    @Test
    void whileAChangeIsUnderwayAnswersAreReadAfresh() {
        assertEquals(List.of(1), read());
        RollupsChanged change = new RollupsChanged(Set.of(LocalDate.parse("2025-03-01")));
        cache.changeBegins(change);
        assertEquals(List.of(2), read(), "the change may already be committed and visible");
        assertEquals(List.of(3), read());
        cache.changeEnded(change);
        assertEquals(List.of(1), read(), "a change of March leaves January's answer as it was");
    }

    @Test
    void anAnswerReadWhileAChangeLandedIsNotKept() {
        List<Integer> first = cache.get(STATEMENT, JANUARY, () -> {
            change("2025-03-10");
            return List.of(reads.incrementAndGet());
        });
        assertEquals(List.of(1), first);
        assertEquals(List.of(2), read(), "read again: the first answer may predate the change");
        assertEquals(List.of(2), read());
    }
}
