package org.callcentre.crm.stats;

import jakarta.inject.Singleton;
import org.callcentre.crm.presence.OperatorPresence;
import org.callcentre.crm.presence.Presence;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.ReadDb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts the wallboard together: waiting calls and chats from their tables, operators from presence, today's KPIs and chat figures. */
@Singleton
public class WallboardService {
    /** Every live state presence knows, so that the board shows zeros rather than missing keys. */
    private static final List<String> STATES = List.of("available", "ringing", "on_call", "wrap_up", "break", "offline");

    private final StatsReader reader;
    private final StatsQueries queries;
    private final Presence presence;
    private final KpiService kpi;
    private final ChatStatsService chatStats;
    private final Clock clock;
    private final ReadDb reads;

    WallboardService(StatsReader reader, StatsQueries queries, Presence presence, KpiService kpi, ChatStatsService chatStats, Clock clock,
                     ReadDb reads) {
        this.reader = reader;
        this.reads = reads;
        this.chatStats = chatStats;
        this.queries = queries;
        this.presence = presence;
        this.kpi = kpi;
        this.clock = clock;
    }

    /**
     * Not one transaction: the parts are read one after the other, each holding its locks only as
     * long as its own statements run. From the primary: the board is pushed the moment its figures
     * change, before a read replica may have replayed the change.
     */
    public Wallboard snapshot() {
        return reads.onPrimary(this::read);
    }

    private Wallboard read() {
        Instant now = clock.instant();
        Map<String, Long> byState = new LinkedHashMap<>();
        STATES.forEach(state -> byState.put(state, 0L));
        for (OperatorPresence operator : presence.all()) {
            byState.merge(operator.liveState(), 1L, Long::sum);
        }
        record Waiting(long count, Instant oldest) {
        }
        Waiting waiting = reader.live(queries.callsWaiting(now), rs -> new Waiting(rs.getLong("waiting"), Db.getInstant(rs, "oldest")))
                .get(0);
        long longest = waiting.oldest() == null ? 0 : Math.max(0, Duration.between(waiting.oldest(), now).toSeconds());
        long[] chats = reader.live(queries.chatsWaiting(), rs -> new long[]{rs.getLong("waiting"), rs.getLong("overdue")}).get(0);
        return new Wallboard("wallboard", now, waiting.count(), longest, byState, chats[0], chats[1], kpi.today(),
                chatStats.today());
    }
}
