package org.callcentre.crm.reports;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.calls.CallListRequest;
import org.callcentre.crm.calls.CallRepository;
import org.callcentre.crm.calls.CallService;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.ReadDb;
import org.callcentre.crm.shared.SqlFilter;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.callcentre.crm.reports.ColumnKind.DATE_TIME;
import static org.callcentre.crm.reports.ColumnKind.INTEGER;

/**
 * The call list as a file: the filters, city scoping and order of {@code GET /api/calls}. Times
 * are local to each call's city, as the day of a call is.
 */
@Singleton
class CallsReport {
    private static final Map<String, String> DIRECTIONS = Map.of(
            "inbound", "Входящий", "outbound", "Исходящий", "internal", "Внутренний");
    private static final Map<String, String> STATUSES = Map.of(
            "ringing", "Идёт", "answered", "Принят", "missed", "Пропущен", "busy", "Занято", "failed", "Не состоялся");
    private static final Map<String, String> MISSED_REASONS = Map.of(
            "abandoned", "Клиент не дождался", "no_answer", "Не ответили", "all_busy", "Все операторы заняты",
            "rejected", "Отклонён", "unavailable", "Недоступен");
    // The one placeholder in the column list: the zone of calls without a city.
    private static final String LOCAL_TIME = "c.created_at AT TIME ZONE coalesce(ci.timezone, ?)";
    private static final List<SqlColumn> COLUMNS = List.of(
            SqlColumn.of(Column.of("№", INTEGER), "c.id"),
            SqlColumn.of(Column.of("Дата и время", DATE_TIME), LOCAL_TIME),
            SqlColumn.of(Column.text("Направление").labelled(DIRECTIONS), "c.direction"),
            SqlColumn.of(Column.text("Статус").labelled(STATUSES), "c.status"),
            SqlColumn.of(Column.text("Причина пропуска").labelled(MISSED_REASONS).notInPdf(), "c.missed_reason"),
            SqlColumn.of(Column.text("Телефон клиента"), "c.client_phone"),
            SqlColumn.of(Column.text("Номер компании").notInPdf(), "c.ats_phone"),
            SqlColumn.of(Column.text("РК"), "c.rk"),
            SqlColumn.of(Column.text("Город"), "ci.name"),
            SqlColumn.of(Column.text("Оператор"), "o.name"),
            SqlColumn.of(Column.text("Клиент"), "cl.name"),
            SqlColumn.of(Column.of("Ожидание, с", INTEGER), "c.wait_seconds"),
            SqlColumn.of(Column.of("Разговор, с", INTEGER), "c.talk_seconds"),
            SqlColumn.of(Column.of("Удержание, с", INTEGER).notInPdf(), "c.hold_seconds"),
            SqlColumn.of(Column.text("Итог звонка").notInPdf(), "c.disposition"),
            SqlColumn.of(Column.text("Примечание"), "c.note"),
            SqlColumn.of(Column.of("Заказ №", INTEGER).notInPdf(), "c.order_id"));
    private static final String FROM = "FROM calls c LEFT JOIN cities ci ON ci.id = c.city_id "
            + "LEFT JOIN operators o ON o.id = c.operator_id LEFT JOIN clients cl ON cl.id = c.client_id";

    private final CallService calls;
    private final CallRepository repository;
    private final CityDirectory cities;
    private final ReportClock clock;
    private final ReadDb db;

    CallsReport(CallService calls, CallRepository repository, CityDirectory cities, ReportClock clock, ReadDb db) {
        this.calls = calls;
        this.repository = repository;
        this.cities = cities;
        this.clock = clock;
        this.db = db;
    }

    @ReadOnly
    public Report build(CallListRequest request, Actor actor) {
        SqlFilter where = repository.where(calls.filter(request, actor));
        Object[] params = Stream.concat(Stream.of(cities.defaultZone().getId()), Stream.of(where.params())).toArray();
        ReportRows rows = new SqlRows(db, COLUMNS, FROM + where.where() + " ORDER BY c.created_at DESC, c.id DESC", params);
        DailyChart chart = DailyChart.fromSql("Звонки по дням", db,
                "SELECT (" + LOCAL_TIME + ")::date, count(*) FROM calls c LEFT JOIN cities ci ON ci.id = c.city_id"
                        + where.where() + " GROUP BY 1 ORDER BY 1", params);
        List<AppliedFilter> filters = new AppliedFilter.Builder()
                .add("dateFrom", "С", request.dateFrom())
                .add("dateTo", "По", request.dateTo())
                .add("operatorId", "Оператор (id)", request.operatorId())
                .add("status", "Статус", request.status())
                .add("city", "Город", request.city())
                .add("rk", "РК", request.rk())
                .add("direction", "Направление", request.direction())
                .add("phone", "Телефон", request.phone())
                .build();
        return new Report("calls", "Звонки", filters, ReportPeriod.of(request.dateFrom(), request.dateTo()),
                SqlRows.columnsOf(COLUMNS), rows, chart, clock.now(actor));
    }
}
