package org.callcentre.crm.stats;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** {@code /chats} and the wallboard's chats of today, from the chat rollups ({@link ChatFacts}). */
@Singleton
public class ChatStatsService {
    private final StatsReader reader;
    private final StatsQueries queries;
    private final StatsDirectory directory;
    private final StatsRequests requests;

    ChatStatsService(StatsReader reader, StatsQueries queries, StatsDirectory directory, StatsRequests requests) {
        this.reader = reader;
        this.queries = queries;
        this.directory = directory;
        this.requests = requests;
    }

    /** Days are the city's own (or of {@code crm.default-timezone}); operators are those of the city, cities all of them. */
    @Transactional(readOnly = true)
    public ChatReport report(String startDate, String endDate, String city) {
        Long cityId = requests.cityId(city);
        StatsPeriod period = requests.period(startDate, endDate, cityId);

        Map<LocalDate, ChatSums> byDay = reader.rollups(queries.chatsByDay(period, cityId), period, GroupKeys::day, ChatSums::read);
        Map<Long, ChatSums> byOperator = reader.rollups(queries.chatsByOperator(period, cityId), period, GroupKeys::operator,
                ChatSums::read);
        Map<Long, ChatSums> byCity = reader.rollups(queries.chatsByCity(period), period, GroupKeys::city, ChatSums::read);

        List<ChatReport.DayRow> days = period.days().stream()
                .map(day -> new ChatReport.DayRow(day, ChatFigures.of(byDay.getOrDefault(day, ChatSums.NONE)))).toList();
        ChatSums total = byDay.values().stream().reduce(ChatSums.NONE, ChatSums::plus);
        List<ChatReport.OperatorRow> operators = reader.live(queries.operators(cityId, byOperator.keySet()), rs -> new ChatReport.OperatorRow(
                rs.getLong("id"), rs.getString("name"), rs.getString("city"),
                ChatFigures.of(byOperator.getOrDefault(rs.getLong("id"), ChatSums.NONE))));
        return new ChatReport(period.start(), period.end(), ChatFigures.of(total), operators, cityRows(byCity), days);
    }

    /** Today's chats of the whole centre, days of the default zone. */
    @Transactional(readOnly = true)
    public ChatFigures today() {
        StatsPeriod today = requests.today();
        return ChatFigures.of(reader.rollups(queries.chatsByDay(today, null), today, GroupKeys::day, ChatSums::read).values().stream()
                .reduce(ChatSums.NONE, ChatSums::plus));
    }

    /** Every city, then figures of no city or of a city since removed. */
    private List<ChatReport.CityRow> cityRows(Map<Long, ChatSums> byCity) {
        List<StatsDirectory.Named> listed = directory.cities();
        Set<Long> unlisted = new HashSet<>(byCity.keySet());
        listed.forEach(city -> unlisted.remove(city.id()));
        return Stream.concat(listed.stream(), unlisted.stream().sorted(Comparator.comparing(Objects::toString))
                        .map(id -> new StatsDirectory.Named(id, null)))
                .map(city -> new ChatReport.CityRow(city.id(), city.name(), ChatFigures.of(byCity.getOrDefault(city.id(), ChatSums.NONE))))
                .toList();
    }
}
