package org.callcentre.crm.stats;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/** {@code /api/stats/kpi}: the figures of a period, and of each local hour of the day (0–23) over it. */
@Serdeable
public record KpiReport(LocalDate startDate, LocalDate endDate, @Nullable String city, @Nullable String rk,
                        int serviceLevelSeconds, int shortAbandonSeconds, int wrapUpSeconds, Kpi totals, List<Hour> byHour) {

    @Serdeable
    public record Hour(int hour, @JsonUnwrapped Kpi kpi) {
    }
}
