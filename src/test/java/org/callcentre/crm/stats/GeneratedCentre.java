package org.callcentre.crm.stats;

import org.callcentre.crm.testing.TestData;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the database with a call centre's calls, straight into the tables: three cities in
 * different zones, campaigns spread over them, operators, calls of every direction and final
 * status, orders in every status, and each operator's work-status history up to {@link #now}
 * (the last period still open). Values come from hashes of the row number, so every run is the
 * same.
 */
final class GeneratedCentre {
    /** How much: operators, campaigns, and calls and orders spread over {@code days} from {@code firstDay}. */
    record Size(int operators, int campaigns, Instant firstDay, int days, int calls, int orders) {
        /** Half a day after the last call. */
        Instant now() {
            return firstDay.plus(Duration.ofDays(days)).plus(Duration.ofHours(12));
        }
    }

    static final Size TWO_MONTHS = new Size(6, 6, Instant.parse("2025-01-15T00:00:00Z"), 64, 20_000, 3_000);
    static final Instant NOW = TWO_MONTHS.now();

    final Size size;
    final long moscow;
    final long novosibirsk;
    final long vladivostok;
    final List<Long> operators = new ArrayList<>();

    GeneratedCentre(TestData data, Size size) {
        this.size = size;
        data.reset();
        moscow = data.city("Москва", "Europe/Moscow");
        novosibirsk = data.city("Новосибирск", "Asia/Novosibirsk");
        vladivostok = data.city("Владивосток", "Asia/Vladivostok");
        List<Long> cities = List.of(moscow, novosibirsk, vladivostok);
        for (int i = 0; i < size.operators(); i++) {
            operators.add(data.user("op" + i, "operator", cities.get(i % 3), String.valueOf(201 + i)));
        }
        data.user("boss", "supervisor", null, null);
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) "
                + "SELECT 'rk' || n, (?::bigint[])[1 + n % 3], '+7495000' || lpad(n::text, 4, '0'), "
                + "(ARRAY['avito', 'yandex', 'flyers'])[1 + n % 3] FROM generate_series(0, ? - 1) n", cities, size.campaigns());
        insertCalls(data);
        insertOrders(data);
        insertStatusHistory(data);
    }

    Instant now() {
        return size.now();
    }

    /**
     * One call in (operators + 1) has no operator and one in (campaigns + 1) has no campaign; a
     * call's city is its campaign's, or for calls without one any city or none (an array subscript
     * past the end is NULL). Waits run 0–89 s, so thresholds of 20 and 30 s both split them.
     */
    private void insertCalls(TestData data) {
        data.db().update("""
                INSERT INTO calls (source, external_id, rk, city_id, client_phone, ats_phone, direction, status, missed_reason,
                                   operator_id, created_at, wait_seconds, hold_seconds, talk_seconds)
                SELECT 'mango', 'generated-' || g, k.rk, coalesce(k.city_id, (?::bigint[])[1 + r.h3 % 4]),
                       '+7916' || lpad(g::text, 7, '0'), '+74950000000', d.direction, s.status,
                       CASE WHEN s.status = 'missed' THEN (ARRAY['abandoned', 'no_answer', 'all_busy'])[1 + r.h1 % 3] END,
                       (?::bigint[])[1 + g % (? + 1)],
                       ?::timestamptz + (r.h1 % (? * 86400)) * interval '1 second',
                       r.h1 % 90,
                       CASE WHEN s.status = 'answered' THEN r.h3 % 40 ELSE 0 END,
                       CASE WHEN s.status = 'answered' THEN r.h2 % 600 ELSE 0 END
                FROM generate_series(1, ?) g
                CROSS JOIN LATERAL (SELECT abs(hashint4(g)) AS h1, abs(hashint4(g + 7777777)) AS h2,
                                           abs(hashint4(g + 15555555)) AS h3) r
                LEFT JOIN campaigns k ON k.rk = 'rk' || (r.h2 % (? + 1))
                CROSS JOIN LATERAL (SELECT CASE WHEN r.h2 % 20 < 15 THEN 'inbound' WHEN r.h2 % 20 < 19 THEN 'outbound'
                                                ELSE 'internal' END AS direction) d
                CROSS JOIN LATERAL (SELECT CASE WHEN g % 50 = 0 THEN 'ringing'
                                                ELSE (ARRAY['answered', 'answered', 'answered', 'answered', 'answered', 'answered',
                                                            'missed', 'missed', 'busy', 'failed'])[1 + r.h3 % 10] END AS status) s""",
                List.of(moscow, novosibirsk, vladivostok), operators, size.operators(), size.firstDay(), size.days(), size.calls(),
                size.campaigns());
    }

    private void insertOrders(TestData data) {
        data.db().update("""
                INSERT INTO orders (rk, city_id, phone, status, result, clean, operator_id, created_at)
                SELECT k.rk, coalesce(k.city_id, (?::bigint[])[1 + r.h3 % 3]), '+7926' || lpad(g::text, 7, '0'),
                       (ARRAY['new', 'assigned', 'in_progress', 'completed', 'completed', 'cancelled'])[1 + r.h1 % 6],
                       CASE WHEN r.h2 % 4 > 0 THEN (r.h2 % 100000) / 10.0 END,
                       CASE WHEN r.h2 % 4 > 0 THEN (r.h3 % 50000) / 10.0 END,
                       (?::bigint[])[1 + g % (? + 1)],
                       ?::timestamptz + (r.h2 % (? * 86400)) * interval '1 second'
                FROM generate_series(1, ?) g
                CROSS JOIN LATERAL (SELECT abs(hashint4(g + 31)) AS h1, abs(hashint4(g + 7777031)) AS h2,
                                           abs(hashint4(g + 15555031)) AS h3) r
                LEFT JOIN campaigns k ON k.rk = 'rk' || (r.h1 % (? + 1))""",
                List.of(moscow, novosibirsk, vladivostok), operators, size.operators(), size.firstDay(), size.days(), size.orders(),
                size.campaigns());
    }

    /**
     * Back-to-back periods of 10 minutes to about 6 hours (3 on average) in whole seconds from a
     * day before the first call; those begun after {@link #now} are dropped and the last one left
     * is still open.
     */
    private void insertStatusHistory(TestData data) {
        Instant before = size.firstDay().minus(Duration.ofDays(1));
        data.db().update("""
                INSERT INTO operator_status_history (operator_id, status_work, started_at, ended_at)
                SELECT operator_id, status_work, ?::timestamptz + (ends - length) * interval '1 second', ?::timestamptz + ends * interval '1 second'
                FROM (SELECT o.id AS operator_id, n,
                             (ARRAY['working', 'working', 'break', 'offline'])[1 + abs(hashint4(n * 31 + o.id::int)) % 4] AS status_work,
                             x.length, sum(x.length) OVER (PARTITION BY o.id ORDER BY n) AS ends
                      FROM operators o
                      CROSS JOIN generate_series(1, ?) n
                      CROSS JOIN LATERAL (SELECT 600 + abs(hashint4(n * 7 + o.id::int)) % 20000 AS length) x
                      WHERE o.role = 'operator') p
                WHERE ?::timestamptz + (ends - length) * interval '1 second' < ?
                ORDER BY operator_id, n""", before, before, size.days() * 86400 / 10_000 + 100, before, now());
        // Planned on the statistics of an empty table (autovacuum has not analysed the insert yet), this update
        // once ran as a nested loop over the whole history for every row (minutes at 270 000 rows): analyse first.
        data.db().update("ANALYZE operator_status_history");
        data.db().update("UPDATE operator_status_history SET ended_at = NULL WHERE id IN "
                + "(SELECT max(id) FROM operator_status_history GROUP BY operator_id)");
    }
}
