package org.callcentre.crm.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code /chats}: the chat figures of a period, in total and per operator, city and day.
 *
 * @param operators every operator of the city (or all) with a row, zeros when quiet, then anyone else with figures
 * @param cities    every city, then chats of no city
 * @param days      every day of the period
 */
@Serdeable
public record ChatReport(LocalDate startDate, LocalDate endDate, ChatFigures total, List<OperatorRow> operators,
                         List<CityRow> cities, List<DayRow> days) {

    @Serdeable
    public record OperatorRow(long operatorId, String name, @Nullable String city, ChatFigures figures) {
    }

    /** @param cityId null for chats of an account without a city */
    @Serdeable
    public record CityRow(@Nullable Long cityId, @Nullable String name, ChatFigures figures) {
    }

    @Serdeable
    public record DayRow(LocalDate day, ChatFigures figures) {
    }
}
