package org.callcentre.crm.stats;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.ReadDb;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs statistics statements: those over rollups through the cache, those over live rows
 * (open work-status periods, waiting calls) straight. Grouped answers come back as maps from the
 * group (a day, an operator, an hour, a city, a campaign; null for "none") to its sums.
 */
@Singleton
class StatsReader {
    private final ReadDb db;
    private final StatsCache cache;

    StatsReader(ReadDb db, StatsCache cache) {
        this.db = db;
        this.cache = cache;
    }

    /** A statement over rollups only, whose answer changes only when the rollups of {@code period} do. */
    <K, V> Map<K, V> rollups(Sql statement, StatsPeriod period, Db.RowMapper<K> group, Db.RowMapper<V> sums) {
        return cache.get(statement, period, () -> live(statement, group, sums));
    }

    <K, V> Map<K, V> live(Sql statement, Db.RowMapper<K> group, Db.RowMapper<V> sums) {
        Map<K, V> rows = new HashMap<>();
        db.query(statement.text(), rs -> rows.put(group.map(rs), sums.map(rs)), statement.paramArray());
        return Collections.unmodifiableMap(rows);
    }

    <T> List<T> live(Sql statement, Db.RowMapper<T> mapper) {
        return db.query(statement.text(), mapper, statement.paramArray());
    }
}
