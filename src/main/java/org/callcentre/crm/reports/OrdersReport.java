package org.callcentre.crm.reports;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.orders.OrderRepository;
import org.callcentre.crm.orders.OrderService;
import org.callcentre.crm.shared.ReadDb;
import org.callcentre.crm.shared.SqlFilter;

import java.util.List;
import java.util.Map;

import static org.callcentre.crm.reports.ColumnKind.DATE_TIME;
import static org.callcentre.crm.reports.ColumnKind.INTEGER;
import static org.callcentre.crm.reports.ColumnKind.MONEY;

/**
 * The order list as a file: the filters, city scoping and order of {@code GET /api/orders}, times
 * local to the order's city. Its chart counts orders per day.
 */
@Singleton
class OrdersReport {
    private static final Map<String, String> STATUSES = Map.of(
            "new", "Новый", "assigned", "Назначен", "in_progress", "В работе", "completed", "Выполнен",
            "cancelled", "Отменён");
    private static final Map<String, String> TYPES = Map.of(
            "first_time", "Первичный", "repeat", "Повторный", "warranty", "Гарантийный");
    private static final List<SqlColumn> COLUMNS = List.of(
            SqlColumn.of(Column.of("№", INTEGER), "o.id"),
            SqlColumn.of(Column.of("Создан", DATE_TIME), "o.created_at AT TIME ZONE ci.timezone"),
            SqlColumn.of(Column.text("Статус").labelled(STATUSES), "o.status"),
            SqlColumn.of(Column.text("Тип").labelled(TYPES).notInPdf(), "o.type_order"),
            SqlColumn.of(Column.text("Город"), "ci.name"),
            SqlColumn.of(Column.text("Телефон"), "o.phone"),
            SqlColumn.of(Column.text("Клиент"), "o.client_name"),
            SqlColumn.of(Column.text("Адрес"), "o.address"),
            SqlColumn.of(Column.text("Техника"), "o.type_equipment"),
            SqlColumn.of(Column.text("Неисправность").notInPdf(), "o.problem"),
            SqlColumn.of(Column.of("Визит", DATE_TIME), "o.date_meeting AT TIME ZONE ci.timezone"),
            SqlColumn.of(Column.text("Оператор"), "op.name"),
            SqlColumn.of(Column.text("Мастер"), "m.name"),
            SqlColumn.of(Column.of("Сумма", MONEY), "o.result"),
            SqlColumn.of(Column.of("Расходы", MONEY).notInPdf(), "o.expenditure"),
            SqlColumn.of(Column.of("Чистыми", MONEY), "o.clean"),
            SqlColumn.of(Column.text("РК").notInPdf(), "o.rk"),
            SqlColumn.of(Column.of("Закрыт", DATE_TIME).notInPdf(), "o.closed_at AT TIME ZONE ci.timezone"));
    private static final String FROM = "FROM orders o JOIN cities ci ON ci.id = o.city_id "
            + "LEFT JOIN operators op ON op.id = o.operator_id LEFT JOIN masters m ON m.id = o.master_id";

    private final OrderService orders;
    private final OrderRepository repository;
    private final ReportClock clock;
    private final ReadDb db;

    OrdersReport(OrderService orders, OrderRepository repository, ReportClock clock, ReadDb db) {
        this.orders = orders;
        this.repository = repository;
        this.clock = clock;
        this.db = db;
    }

    @ReadOnly
    public Report build(String status, String city, Long operatorId, String phone, String dateFrom, String dateTo,
                        Actor actor) {
        SqlFilter where = repository.where(orders.filter(status, city, operatorId, phone, dateFrom, dateTo, actor));
        ReportRows rows = new SqlRows(db, COLUMNS, FROM + where.where() + " ORDER BY o.created_at DESC, o.id DESC",
                where.params());
        DailyChart chart = DailyChart.fromSql("Заказы по дням", db,
                "SELECT (o.created_at AT TIME ZONE ci.timezone)::date, count(*) FROM orders o JOIN cities ci ON ci.id = o.city_id"
                        + where.where() + " GROUP BY 1 ORDER BY 1", where.params());
        List<AppliedFilter> filters = new AppliedFilter.Builder()
                .add("dateFrom", "С", dateFrom)
                .add("dateTo", "По", dateTo)
                .add("status", "Статус", status)
                .add("city", "Город", city)
                .add("operatorId", "Оператор (id)", operatorId)
                .add("phone", "Телефон", phone)
                .build();
        return new Report("orders", "Заказы", filters, ReportPeriod.of(dateFrom, dateTo), SqlRows.columnsOf(COLUMNS),
                rows, chart, clock.now(actor));
    }
}
