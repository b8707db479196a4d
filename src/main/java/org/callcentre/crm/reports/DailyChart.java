package org.callcentre.crm.reports;

import org.callcentre.crm.shared.Db;

import java.util.List;
import java.util.function.Supplier;

/**
 * The bar chart of a PDF report.
 *
 * @param counts days with at least one item, oldest first; read inside the writer's transaction, so
 *               that the chart and the table come from the same snapshot
 */
record DailyChart(String title, Supplier<List<DayCount>> counts) {

    /** @param sql selects {@code (day date, count bigint)} grouped by day, oldest first */
    static DailyChart fromSql(String title, Db db, String sql, Object... params) {
        return new DailyChart(title, () -> db.query(sql, DayCount::read, params));
    }
}
