package org.callcentre.crm.ai.llm;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The service's daily cap on language-model requests and on the characters they send
 * ({@code crm.ai.llm.max-calls-per-day}, {@code crm.ai.llm.max-characters-per-day}), counted in
 * {@code llm_usage} so that every node of a cluster spends one budget; the day is the default time
 * zone's. A request that would pass either cap is not sent and not counted.
 */
@Singleton
class DailyLlmBudget implements LlmBudget {
    private final Db db;
    private final Clock clock;
    private final ZoneId zone;
    private final int maxCalls;
    private final long maxCharacters;

    DailyLlmBudget(Db db, Clock clock, @Value("${crm.default-timezone:Europe/Moscow}") ZoneId zone,
                   @Value("${crm.ai.llm.max-calls-per-day:2000}") int maxCalls,
                   @Value("${crm.ai.llm.max-characters-per-day:4000000}") long maxCharacters) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.maxCalls = maxCalls;
        this.maxCharacters = maxCharacters;
    }

    @Override
    public void spend(int characters) throws IOException {
        // one statement: the row's lock makes concurrent requests take turns, so the caps hold exactly
        boolean within = maxCalls > 0 && characters <= maxCharacters && db.queryOne("""
                INSERT INTO llm_usage AS u (day, calls, characters) VALUES (?, 1, ?)
                ON CONFLICT (day) DO UPDATE SET calls = u.calls + 1, characters = u.characters + EXCLUDED.characters
                WHERE u.calls + 1 <= ? AND u.characters + EXCLUDED.characters <= ?
                RETURNING 1""", rs -> 1, LocalDate.now(clock.withZone(zone)), characters, maxCalls, maxCharacters).isPresent();
        if (!within) {
            throw new IOException("the language model's daily cap is reached (" + maxCalls + " requests, " + maxCharacters
                    + " characters: crm.ai.llm.max-calls-per-day, max-characters-per-day)");
        }
    }
}
