package org.callcentre.crm.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Call-centre figures of some calls and the operators' time (definitions in the README,
 * "Statistics definitions"). Percentages and seconds have one decimal; a ratio over nothing is 0.
 *
 * @param serviceLevel    answered within the threshold ÷ answered × 100
 * @param serviceLevel2   answered within the threshold ÷ (answered + abandoned after it) × 100
 * @param abandonmentRate (abandoned − short abandons) ÷ (inbound − short abandons) × 100
 * @param ahtSeconds      handling ÷ the handled calls whose talk is known (a call whose end was never
 *                        heard is handled but adds no handling: it is left out of the average)
 * @param occupancy       handling ÷ (handling + idle working time) × 100; null when the calls are
 *                        one campaign's, since operators' time is not kept per campaign
 */
@Serdeable
public record Kpi(long inbound, long answered, long missed, long abandoned, long shortAbandoned, long answeredWithinThreshold,
                  double serviceLevel, double serviceLevel2, double abandonmentRate, double asaSeconds, double ahtSeconds,
                  long handled, long handlingSeconds, long workingSeconds, @Nullable Double occupancy) {

    static Kpi of(CallSums calls, long workingSeconds, int wrapUpSeconds, boolean withOccupancy) {
        long handling = calls.handlingSeconds(wrapUpSeconds);
        long idle = Math.max(0, workingSeconds - handling);
        long abandonedAfterThreshold = calls.abandoned() - calls.abandonedWithinSl();
        return new Kpi(calls.inbound(), calls.answered(), calls.missed(), calls.abandoned(), calls.abandonedShort(),
                calls.answeredWithinSl(),
                Ratios.percent(calls.answeredWithinSl(), calls.answered()),
                Ratios.percent(calls.answeredWithinSl(), calls.answered() + abandonedAfterThreshold),
                Ratios.percent(calls.abandoned() - calls.abandonedShort(), calls.inbound() - calls.abandonedShort()),
                Ratios.average(calls.waitAnswered(), calls.answered()),
                calls.ahtSeconds(wrapUpSeconds),
                calls.handled(), handling, workingSeconds,
                withOccupancy ? Ratios.percent(handling, handling + idle) : null);
    }
}
