package org.callcentre.crm.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages and averages as the API shows them: one decimal, half up, and 0 over an empty denominator. */
final class Ratios {
    private Ratios() {
    }

    static double percent(long part, long whole) {
        return average(part * 100, whole);
    }

    static double average(long sum, long count) {
        if (count <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
