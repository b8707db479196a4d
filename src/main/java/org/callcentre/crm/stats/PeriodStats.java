package org.callcentre.crm.stats;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An operator's (or the whole centre's) figures over a period: inbound calls, outbound calls,
 * orders created and their current statuses, and the same day by day (every day of the period,
 * including days with nothing).
 */
@Serdeable
public record PeriodStats(LocalDate startDate, LocalDate endDate, Calls calls, Outbound outbound, Orders orders,
                          List<Day> dailyStats) {

    /**
     * @param acceptanceRate     answered ÷ total × 100, one decimal
     * @param averageTalkSeconds Σ talk of handled calls (answered, both directions) ÷ those of them whose talk is known
     * @param ahtSeconds         (talk + hold + wrap-up) of handled calls ÷ those of them whose talk is known, as in the operators' list
     */
    @Serdeable
    public record Calls(long total, long accepted, long missed, double acceptanceRate, double averageTalkSeconds,
                        double ahtSeconds) {
        static Calls of(CallSums sums, int wrapUpSeconds) {
            return new Calls(sums.inbound(), sums.answered(), sums.missed(), Ratios.percent(sums.answered(), sums.inbound()),
                    sums.averageTalkSeconds(), sums.ahtSeconds(wrapUpSeconds));
        }
    }

    @Serdeable
    public record Outbound(long total, long answered) {
    }

    /** @param revenue Σ result of the period's orders that are completed now */
    @Serdeable
    public record Orders(long total, Map<String, Long> byStatus, BigDecimal revenue) {
    }

    /** @param calls inbound calls of the day; @param orders orders created that day */
    @Serdeable
    public record Day(LocalDate date, long calls, long orders) {
    }

    static PeriodStats of(StatsPeriod period, Map<LocalDate, CallSums> callsByDay, Map<LocalDate, OrderSums> ordersByDay,
                          int wrapUpSeconds) {
        CallSums calls = callsByDay.values().stream().reduce(CallSums.NONE, CallSums::plus);
        OrderSums orders = ordersByDay.values().stream().reduce(OrderSums.NONE, OrderSums::plus);
        List<Day> days = period.days().stream()
                .map(day -> new Day(day, callsByDay.getOrDefault(day, CallSums.NONE).inbound(),
                        ordersByDay.getOrDefault(day, OrderSums.NONE).orders()))
                .toList();
        return new PeriodStats(period.start(), period.end(), Calls.of(calls, wrapUpSeconds),
                new Outbound(calls.outbound(), calls.outboundAnswered()),
                new Orders(orders.orders(), orders.byStatus(), orders.revenue()), days);
    }
}
