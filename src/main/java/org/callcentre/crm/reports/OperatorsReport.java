package org.callcentre.crm.reports;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import static org.callcentre.crm.reports.ColumnKind.DECIMAL;
import static org.callcentre.crm.reports.ColumnKind.INTEGER;
import static org.callcentre.crm.reports.ColumnKind.MONEY;

/**
 * One row per operator for the days {@code startDate}..{@code endDate} (inclusive, local days of
 * the city asked for, or of the default zone), optionally for one city's operators.
 */
@Singleton
class OperatorsReport {
    private static final List<Column> COLUMNS = List.of(
            Column.text("Оператор"),
            Column.text("Город"),
            Column.of("Звонков", INTEGER),
            Column.of("Принято", INTEGER),
            Column.of("Пропущено", INTEGER),
            Column.of("Принято, %", DECIMAL),
            Column.of("Среднее ожидание, с", DECIMAL),
            Column.of("Время разговоров, с", INTEGER),
            Column.of("Заказов создано", INTEGER),
            Column.of("Заказов выполнено", INTEGER),
            Column.of("Выручка", MONEY));

    private final OperatorFigures figures;
    private final CityDirectory cities;
    private final ReportClock clock;

    OperatorsReport(OperatorFigures figures, CityDirectory cities, ReportClock clock) {
        this.figures = figures;
        this.cities = cities;
        this.clock = clock;
    }

    @ReadOnly
    public Report build(String startDate, String endDate, String city, Actor actor) {
        Fields f = new Fields();
        LocalDate start = f.attempt("startDate", () -> day("startDate", startDate));
        LocalDate end = f.attempt("endDate", () -> day("endDate", endDate));
        Long cityId = f.attempt("city", () -> cities.optionalId("city", city));
        f.check(start == null || end == null || !end.isBefore(start), "endDate", "must not be before startDate");
        f.throwIfAny();
        ZoneId zone = cities.zone(cityId);
        Instant from = start.atStartOfDay(zone).toInstant();
        Instant to = end.plusDays(1).atStartOfDay(zone).toInstant();
        ReportRows rows = ReportRows.of(() -> figures.forPeriod(from, to, cityId), OperatorsReport::values);
        DailyChart chart = new DailyChart("Звонки по дням", () -> figures.callsPerDay(from, to, cityId, zone));
        List<AppliedFilter> filters = new AppliedFilter.Builder()
                .add("startDate", "С", start)
                .add("endDate", "По", end)
                .add("city", "Город", city)
                .build();
        return new Report("operators", "Операторы", filters, new ReportPeriod(start, end), COLUMNS, rows, chart,
                clock.now(actor));
    }

    private static Object[] values(OperatorFigures.Row row) {
        return new Object[]{row.operator(), row.city(), row.callsTotal(), row.answered(), row.missed(),
                row.acceptanceRate(), row.averageWaitSeconds(), row.talkSeconds(), row.ordersCreated(),
                row.ordersCompleted(), row.revenue()};
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badField(field, "is required");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, "must be a date yyyy-MM-dd");
        }
    }
}
