package org.callcentre.crm.reports;

import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.stats.ChatFigures;
import org.callcentre.crm.stats.ChatReport;
import org.callcentre.crm.stats.ChatStatsService;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.callcentre.crm.reports.ColumnKind.DECIMAL;
import static org.callcentre.crm.reports.ColumnKind.INTEGER;

/**
 * The chat figures of {@code /api/stats/chats} (read from the chat rollups) as a file: a row per
 * operator, city or day ({@code by=operator|city|day}, operator by default), then the total.
 */
@Singleton
class ChatsReport {
    private static final Map<String, String> GROUPS = Map.of("operator", "Оператор", "city", "Город", "day", "День");
    private static final List<Column> FIGURES = List.of(
            Column.of("Чатов", INTEGER),
            Column.of("Только ИИ", INTEGER),
            Column.of("С операторами", INTEGER),
            Column.of("Сообщений на чат", DECIMAL),
            Column.of("Передано людям", INTEGER),
            Column.of("Первый ответ, с", DECIMAL),
            Column.of("Решение, с", DECIMAL),
            Column.of("Просрочен первый ответ", INTEGER),
            Column.of("Просрочено решение", INTEGER));

    private final ChatStatsService chats;
    private final ReportClock clock;

    ChatsReport(ChatStatsService chats, ReportClock clock) {
        this.chats = chats;
        this.clock = clock;
    }

    Report build(String startDate, String endDate, String city, String by, Actor actor) {
        Fields f = new Fields();
        String group = by == null || by.isBlank() ? "operator" : f.oneOf("by", by.trim(), List.of("operator", "city", "day"), true);
        f.throwIfAny();
        ChatReport report = chats.report(startDate, endDate, city);
        List<Object[]> rows = new ArrayList<>();
        switch (group) {
            case "operator" -> report.operators().forEach(row -> rows.add(values(row.name(), row.figures())));
            case "city" -> report.cities().forEach(row -> rows.add(values(row.name() == null ? "без города" : row.name(), row.figures())));
            default -> report.days().forEach(row -> rows.add(values(row.day().toString(), row.figures())));
        }
        rows.add(values("Итого", report.total()));
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(GROUPS.get(group)));
        columns.addAll(FIGURES);
        ReportRows read = ReportRows.of(() -> rows, Function.identity());
        DailyChart chart = new DailyChart("Чаты по дням", () -> report.days().stream()
                .filter(day -> day.figures().chats() > 0).map(day -> new DayCount(day.day(), day.figures().chats())).toList());
        List<AppliedFilter> filters = new AppliedFilter.Builder()
                .add("startDate", "С", report.startDate())
                .add("endDate", "По", report.endDate())
                .add("city", "Город", city)
                .add("by", "По", GROUPS.get(group))
                .build();
        return new Report("chats", "Чаты", filters, new ReportPeriod(report.startDate(), report.endDate()), columns, read, chart,
                clock.now(actor));
    }

    private static Object[] values(String group, ChatFigures figures) {
        return new Object[]{group, figures.chats(), figures.aiOnly(), figures.byPeople(), BigDecimal.valueOf(figures.messagesPerChat()),
                figures.rounds(), BigDecimal.valueOf(figures.averageFirstResponseSeconds()),
                BigDecimal.valueOf(figures.averageResolutionSeconds()), figures.firstResponseBreaches(), figures.resolutionBreaches()};
    }
}
