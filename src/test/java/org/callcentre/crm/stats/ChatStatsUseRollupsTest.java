package org.callcentre.crm.stats;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 item 4, as the call statistics' {@link StatsQueriesUseRollupsTest}: on two years of chats
 * (45 operators, 80 000 conversations, their messages and rounds, and the rollups built from them) every statement
 * the chat statistics read with reads its rollup through an index — a range of days, or head and tail
 * days and whole months — and keeping the rollups for a set of chats finds those chats, their messages
 * and their rounds by their keys; no plan scans conversations, messages, rounds or a chat rollup.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatStatsUseRollupsTest {
    /** Not the city month rollup: a row per city and month, read whole it is one page. */
    private static final Set<String> NEVER_SCANNED = Stream.of(List.of("conversations", "messages", "chat_rounds"),
                    ChatFacts.CHATS.tables(), ChatFacts.ROUNDS.tables()).flatMap(List::stream)
            .filter(table -> !table.equals("stats_chat_city_month")).collect(Collectors.toSet());

    @Inject
    TestData data;
    @Inject
    RollupRebuild rollups;
    @Inject
    StatsQueries queries;
    @Inject
    StatsSettings settings;
    GeneratedChats chats;
    StatsPeriod january;
    StatsPeriod acrossMonths;
    IndexedReads plans;

    @BeforeAll
    void generateTwoYears() {
        data.reset();
        chats = new GeneratedChats(data, 45, 80_000, Instant.parse("2023-03-01T00:00:00Z"), 730);
        rollups.rebuild();
        data.db().update("CHECKPOINT");
        for (String table : List.of("conversations", "messages", "chat_rounds")) {
            data.db().update("VACUUM ANALYZE " + table);
        }
        january = new StatsPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"), ZoneId.of("Europe/Moscow"));
        acrossMonths = new StatsPeriod(LocalDate.parse("2024-12-10"), LocalDate.parse("2025-02-20"), ZoneId.of("Europe/Moscow"));
        plans = new IndexedReads(data.db(), NEVER_SCANNED);
    }

    @AfterAll
    void emptyTheTables() {
        data.reset();
    }

    @Test
    void chatStatisticsReadRollupsThroughTheirIndexes() {
        for (Long city : Arrays.asList(null, chats.novosibirsk)) {
            Sql byOperator = queries.chatsByOperator(acrossMonths, city);
            plans.assertAllUseIndexes(Map.of("stats_chat_operator_day", byOperator, "stats_chat_operator_span", byOperator));
        }
        Sql byCity = queries.chatsByCity(acrossMonths);
        plans.assertAllUseIndexes(Map.of("stats_chat_city_day", byCity));
        assertTrue(plans.assertNoScanOfBigTables(byCity).contains(" on stats_chat_city_month"), "the city months read for the whole months");
        plans.assertAllUseIndexes(Map.of("stats_chat_centre_day", queries.chatsByDay(january, null),
                "stats_chat_city_day", queries.chatsByDay(january, chats.vladivostok)));
    }

    @Test
    void keepingTheRollupsTouchesOnlyTheChangedChatsTheirMessagesAndRounds() {
        List<Long> changed = data.db().query("SELECT id FROM conversations ORDER BY id DESC LIMIT 200", rs -> rs.getLong(1));
        List<Long> rounds = data.db().query("SELECT id FROM chat_rounds WHERE conversation_id = ANY (?::bigint[]) ORDER BY id",
                rs -> rs.getLong(1), changed);
        Map<String, Sql> writes = new LinkedHashMap<>();
        writes.put("conversations", ChatFacts.CHATS.refresh(ChatFacts.chatSource(settings), changed));
        writes.put("messages", ChatFacts.CHATS.refresh(ChatFacts.chatSource(settings), changed));
        writes.put("chat_rounds", ChatFacts.ROUNDS.refresh(ChatFacts.roundSource(settings), rounds));
        plans.assertAllUseIndexes(writes);
        plans.assertAllUseIndexes(Map.of("chat_rounds", new Sql("SELECT id FROM chat_rounds WHERE conversation_id = ANY (?::bigint[]) ORDER BY id",
                changed)));
    }
}
