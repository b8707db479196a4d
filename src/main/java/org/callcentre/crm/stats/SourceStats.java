package org.callcentre.crm.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * What one city, or one campaign (rk and ad source), brought in a period: inbound calls, how many
 * were answered or missed, orders created and, of those, completed ones and their revenue. A row
 * with a null city or rk holds what is attributed to none.
 */
@Serdeable
public record SourceStats(@Nullable Long cityId, @Nullable String city, @Nullable String rk, @Nullable String source,
                          long inbound, long answered, long missed, double acceptanceRate, long orders, long ordersCompleted,
                          BigDecimal revenue) {

    static SourceStats of(Long cityId, String city, String rk, String source, CallSums calls, OrderSums orders) {
        return new SourceStats(cityId, city, rk, source, calls.inbound(), calls.answered(), calls.missed(),
                Ratios.percent(calls.answered(), calls.inbound()), orders.orders(), orders.completed(), orders.revenue());
    }
}
