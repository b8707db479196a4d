package org.callcentre.crm.stats;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.ServiceFixture;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 item 4: {@code /api/stats/chats} — in total, per day, per city and per operator, over a
 * range of days only, a range across months (head days, a whole month, tail days) and one city — equals
 * a count made here, in Java, from the conversations, messages and rounds themselves: once counted
 * chat by chat as the service does when chats change, once by the rebuild.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatStatsMatchTheMessagesTest extends ServiceFixture {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final int CHATS = 3_000;
    private static final List<LocalDate[]> RANGES = List.of(
            new LocalDate[]{LocalDate.parse("2024-12-31"), LocalDate.parse("2025-03-31")},
            new LocalDate[]{LocalDate.parse("2025-01-20"), LocalDate.parse("2025-03-12")},
            new LocalDate[]{LocalDate.parse("2025-02-03"), LocalDate.parse("2025-02-09")});

    @Inject
    RollupRebuild rebuild;
    @Inject
    RollupWriter rollups;
    @Inject
    StatsCache cache;
    @Inject
    StatsSettings settings;
    @Inject
    TransactionOperations<Connection> transactions;
    GeneratedChats chats;
    Api boss;
    Map<Long, ZoneId> zones;
    List<ChatRow> chatRows;
    List<RoundRow> roundRows;

    @MockBean(Clock.class)
    Clock clock() {
        return Clock.fixed(Instant.parse("2025-04-01T12:00:00Z"), ZoneOffset.UTC);
    }

    /** A chat as its rows tell it: the operator of its first operator reply, and its messages by sender. */
    private record ChatRow(Long cityId, Instant createdAt, Long firstOperator, long client, long ai, long operator) {
    }

    private record RoundRow(Long cityId, Long operatorId, Instant startedAt, Instant firstResponseAt, Instant resolvedAt,
                            boolean firstResponseBreached, boolean resolutionBreached) {
    }

    @BeforeAll
    void generate() {
        data.reset();
        chats = new GeneratedChats(data, 12, CHATS, START, 75);
        boss = new Api(client).login("boss", TestData.PASSWORD);
        zones = new HashMap<>();
        data.db().query("SELECT id, timezone FROM cities", rs -> zones.put(rs.getLong(1), ZoneId.of(rs.getString(2))));
        Map<Long, long[]> senders = new HashMap<>();
        Map<Long, Long> firstOperator = new HashMap<>();
        data.db().query("SELECT conversation_id, sender, operator_id FROM messages ORDER BY conversation_id, created_at, id", rs -> {
            long chat = rs.getLong(1);
            long[] counts = senders.computeIfAbsent(chat, id -> new long[3]);
            switch (rs.getString(2)) {
                case "client" -> counts[0]++;
                case "ai" -> counts[1]++;
                case "operator" -> {
                    counts[2]++;
                    firstOperator.putIfAbsent(chat, rs.getLong(3));
                }
                default -> {
                }
            }
            return null;
        });
        chatRows = data.db().query("SELECT id, city_id, created_at FROM conversations", rs -> {
            long[] counts = senders.getOrDefault(rs.getLong(1), new long[3]);
            return new ChatRow(Db.getLong(rs, "city_id"), Db.getInstant(rs, "created_at"), firstOperator.get(rs.getLong(1)),
                    counts[0], counts[1], counts[2]);
        });
        roundRows = data.db().query("SELECT * FROM chat_rounds", rs -> new RoundRow(Db.getLong(rs, "city_id"), Db.getLong(rs, "operator_id"),
                Db.getInstant(rs, "started_at"), Db.getInstant(rs, "first_response_at"), Db.getInstant(rs, "resolved_at"),
                rs.getBoolean("first_response_breached"), rs.getBoolean("resolution_breached")));
        assertTrue(roundRows.size() > CHATS / 2, "the generator made rounds");
    }

    @AfterAll
    void emptyTheTables() {
        data.reset();
    }

    @Test
    void countedChatByChatTheFiguresMatchTheRows() {
        emptyChatRollups();
        List<Long> ids = data.db().query("SELECT id FROM conversations ORDER BY id", rs -> rs.getLong(1));
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            transactions.executeWrite(status -> {
                rollups.chatsChanged(chunk);
                return null;
            });
        }
        assertTheReportsMatchTheRows();
    }

    @Test
    void rebuiltTheFiguresMatchTheRows() {
        emptyChatRollups();
        rebuild.rebuild();
        cache.dropAll();
        assertTheReportsMatchTheRows();
    }

    private void emptyChatRollups() {
        data.db().update("TRUNCATE " + String.join(", ", ChatFacts.CHATS.tables()) + ", " + String.join(", ", ChatFacts.ROUNDS.tables()));
        cache.dropAll();
    }

    private void assertTheReportsMatchTheRows() {
        for (LocalDate[] range : RANGES) {
            String dates = "startDate=" + range[0] + "&endDate=" + range[1];
            Map<String, Object> all = boss.get("/api/stats/chats?" + dates).data();
            assertFigures(expected(range, c -> true, r -> true), all.get("total"), "total " + dates);
            for (Map<String, Object> day : list(all, "days")) {
                LocalDate date = LocalDate.parse((String) day.get("day"));
                assertFigures(expected(new LocalDate[]{date, date}, c -> true, r -> true), day.get("figures"), "day " + date);
            }
            for (Map<String, Object> city : list(all, "cities")) {
                Long cityId = city.get("cityId") == null ? null : ((Number) city.get("cityId")).longValue();
                assertFigures(expected(range, c -> Objects.equals(c.cityId(), cityId), r -> Objects.equals(r.cityId(), cityId)),
                        city.get("figures"), "city " + cityId + " " + dates);
            }
            assertEquals(4, list(all, "cities").size(), "three cities and the chats of none");
            for (Map<String, Object> operator : list(all, "operators")) {
                long id = ((Number) operator.get("operatorId")).longValue();
                assertFigures(expected(range, c -> Objects.equals(c.firstOperator(), id), r -> Objects.equals(r.operatorId(), id)),
                        operator.get("figures"), "operator " + id + " " + dates);
            }
            assertEquals(chats.operators.size(), list(all, "operators").size());

            // one city: its own days, its own operators
            Map<String, Object> novosibirsk = boss.get("/api/stats/chats?" + dates + "&city=" + StatsAccessTest.encode("Новосибирск")).data();
            assertFigures(expected(range, c -> Objects.equals(c.cityId(), chats.novosibirsk), r -> Objects.equals(r.cityId(), chats.novosibirsk)),
                    novosibirsk.get("total"), "Novosibirsk " + dates);
            assertEquals(chats.operators.size() / 3, list(novosibirsk, "operators").size());
        }
        assertEquals(400, boss.get("/api/stats/chats?city=" + StatsAccessTest.encode("Нигде")).status());
    }

    /** The figures of the chats and rounds that pass the filters and fall on a local day of the range. */
    private Map<String, Double> expected(LocalDate[] range, java.util.function.Predicate<ChatRow> chat,
                                         java.util.function.Predicate<RoundRow> round) {
        long[] t = new long[11];
        for (ChatRow c : chatRows) {
            if (chat.test(c) && within(range, c.createdAt(), c.cityId())) {
                t[0]++;
                t[1] += c.ai() > 0 && c.operator() == 0 ? 1 : 0;
                t[2] += c.operator() > 0 ? 1 : 0;
                t[3] += c.client() + c.ai() + c.operator();
            }
        }
        for (RoundRow r : roundRows) {
            if (round.test(r) && within(range, r.startedAt(), r.cityId())) {
                t[4]++;
                if (r.firstResponseAt() != null) {
                    t[5]++;
                    t[6] += Duration.between(r.startedAt(), r.firstResponseAt()).toSeconds();
                }
                if (r.resolvedAt() != null) {
                    t[7]++;
                    t[8] += Duration.between(r.startedAt(), r.resolvedAt()).toSeconds();
                }
                t[9] += r.firstResponseBreached() ? 1 : 0;
                t[10] += r.resolutionBreached() ? 1 : 0;
            }
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("chats", (double) t[0]);
        figures.put("aiOnly", (double) t[1]);
        figures.put("byPeople", (double) t[2]);
        figures.put("messages", (double) t[3]);
        figures.put("messagesPerChat", oneDecimal(t[3], t[0]));
        figures.put("rounds", (double) t[4]);
        figures.put("firstResponses", (double) t[5]);
        figures.put("averageFirstResponseSeconds", oneDecimal(t[6], t[5]));
        figures.put("resolved", (double) t[7]);
        figures.put("averageResolutionSeconds", oneDecimal(t[8], t[7]));
        figures.put("firstResponseBreaches", (double) t[9]);
        figures.put("resolutionBreaches", (double) t[10]);
        return figures;
    }

    private boolean within(LocalDate[] range, Instant at, Long cityId) {
        LocalDate day = at.atZone(cityId == null ? settings.defaultZone() : zones.get(cityId)).toLocalDate();
        return !day.isBefore(range[0]) && !day.isAfter(range[1]);
    }

    private static double oneDecimal(long sum, long count) {
        return count == 0 ? 0 : new BigDecimal(sum).divide(new BigDecimal(count), 1, RoundingMode.HALF_UP).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static void assertFigures(Map<String, Double> expected, Object actual, String what) {
        Map<String, Object> figures = (Map<String, Object>) actual;
        Map<String, Double> got = new LinkedHashMap<>();
        expected.keySet().forEach(key -> got.put(key, ((Number) figures.get(key)).doubleValue()));
        assertEquals(expected, got, what);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
        return (List<Map<String, Object>>) report.get(key);
    }
}
