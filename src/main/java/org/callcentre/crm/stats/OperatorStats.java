package org.callcentre.crm.stats;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One operator's row of {@code /api/stats/operators}: their calls (by the operator of a call),
 * handling times, time in each work status and the orders they created in the period.
 *
 * @param asaSeconds     Σ wait of answered inbound calls ÷ answered
 * @param ahtSeconds     (talk + hold + wrap-up) of handled calls ÷ those of them whose talk is known
 * @param talkSeconds    Σ talk of handled calls, inbound and outbound
 * @param ordersCompleted of the orders created in the period, those completed now
 * @param revenue        Σ result of those completed orders
 * @param clean          Σ clean of those completed orders
 */
@Serdeable
public record OperatorStats(long operatorId, String name, String city, long callsTotal, long accepted, long missed,
                            double acceptanceRate, double asaSeconds, double ahtSeconds, long talkSeconds,
                            long outboundTotal, long outboundAnswered, long workingSeconds, long breakSeconds,
                            long offlineSeconds, long ordersCreated, long ordersCompleted, BigDecimal revenue,
                            BigDecimal clean) {

    /** The columns a list may be sorted by, under their JSON names. */
    static final Map<String, Comparator<OperatorStats>> SORTS = sorts();

    static OperatorStats of(long operatorId, String name, String city, CallSums calls, OrderSums orders, StatusSums status,
                            int wrapUpSeconds) {
        return new OperatorStats(operatorId, name, city, calls.inbound(), calls.answered(), calls.missed(),
                Ratios.percent(calls.answered(), calls.inbound()), Ratios.average(calls.waitAnswered(), calls.answered()),
                calls.ahtSeconds(wrapUpSeconds), calls.talk(), calls.outbound(),
                calls.outboundAnswered(), status.working(), status.onBreak(), status.offline(), orders.orders(),
                orders.completed(), orders.revenue(), orders.clean());
    }

    private static Map<String, Comparator<OperatorStats>> sorts() {
        Map<String, Comparator<OperatorStats>> sorts = new LinkedHashMap<>();
        sorts.put("name", Comparator.comparing(OperatorStats::name, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER)));
        sorts.put("operatorId", Comparator.comparingLong(OperatorStats::operatorId));
        sorts.put("callsTotal", Comparator.comparingLong(OperatorStats::callsTotal));
        sorts.put("accepted", Comparator.comparingLong(OperatorStats::accepted));
        sorts.put("missed", Comparator.comparingLong(OperatorStats::missed));
        sorts.put("acceptanceRate", Comparator.comparingDouble(OperatorStats::acceptanceRate));
        sorts.put("asaSeconds", Comparator.comparingDouble(OperatorStats::asaSeconds));
        sorts.put("ahtSeconds", Comparator.comparingDouble(OperatorStats::ahtSeconds));
        sorts.put("talkSeconds", Comparator.comparingLong(OperatorStats::talkSeconds));
        sorts.put("outboundTotal", Comparator.comparingLong(OperatorStats::outboundTotal));
        sorts.put("outboundAnswered", Comparator.comparingLong(OperatorStats::outboundAnswered));
        sorts.put("workingSeconds", Comparator.comparingLong(OperatorStats::workingSeconds));
        sorts.put("breakSeconds", Comparator.comparingLong(OperatorStats::breakSeconds));
        sorts.put("offlineSeconds", Comparator.comparingLong(OperatorStats::offlineSeconds));
        sorts.put("ordersCreated", Comparator.comparingLong(OperatorStats::ordersCreated));
        sorts.put("ordersCompleted", Comparator.comparingLong(OperatorStats::ordersCompleted));
        sorts.put("revenue", Comparator.comparing(OperatorStats::revenue));
        sorts.put("clean", Comparator.comparing(OperatorStats::clean));
        return Map.copyOf(sorts);
    }
}
