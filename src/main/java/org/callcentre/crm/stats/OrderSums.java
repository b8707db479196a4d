package org.callcentre.crm.stats;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Order measures summed over some orders; the names are the rollup columns of {@link OrderFacts}. */
record OrderSums(long orders, long statusNew, long assigned, long inProgress, long completed, long cancelled,
                 BigDecimal revenue, BigDecimal clean) {
    static final OrderSums NONE = new OrderSums(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

    static OrderSums read(ResultSet rs) throws SQLException {
        return new OrderSums(rs.getLong("orders"), rs.getLong("status_new"), rs.getLong("status_assigned"),
                rs.getLong("status_in_progress"), rs.getLong("status_completed"), rs.getLong("status_cancelled"),
                rs.getBigDecimal("revenue"), rs.getBigDecimal("clean"));
    }

    OrderSums plus(OrderSums o) {
        return new OrderSums(orders + o.orders, statusNew + o.statusNew, assigned + o.assigned, inProgress + o.inProgress,
                completed + o.completed, cancelled + o.cancelled, revenue.add(o.revenue), clean.add(o.clean));
    }

    /** Counts by the statuses' API names, every status present. */
    Map<String, Long> byStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("new", statusNew);
        counts.put("assigned", assigned);
        counts.put("in_progress", inProgress);
        counts.put("completed", completed);
        counts.put("cancelled", cancelled);
        return counts;
    }
}
