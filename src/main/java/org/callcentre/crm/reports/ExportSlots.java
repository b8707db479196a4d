package org.callcentre.crm.reports;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ApiException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many downloads may be written at once. Each holds a pooled connection (its cursor's transaction)
 * for as long as the client takes to read it, so one user with many slow downloads — or many users —
 * could take the whole pool from every other request. Past {@code crm.reports.max-exports-per-user}
 * the user gets 429, past {@code crm.reports.max-exports} everyone gets 503, both with Retry-After and
 * before anything is audited or opened. Per node.
 */
@Singleton
class ExportSlots {
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final int perUser;
    private final int inAll;
    private final Map<Long, Integer> byUser = new HashMap<>();
    private int running;

    ExportSlots(@Value("${crm.reports.max-exports-per-user:2}") int perUser, @Value("${crm.reports.max-exports:4}") int inAll) {
        if (perUser < 1 || inAll < 1) {
            throw new IllegalArgumentException("crm.reports.max-exports-per-user and crm.reports.max-exports must be at least 1");
        }
        this.perUser = perUser;
        this.inAll = inAll;
    }

    /** @return frees the slot; running it more than once frees it once */
    synchronized Runnable take(long userId) {
        if (byUser.getOrDefault(userId, 0) >= perUser) {
            throw ApiException.tooManyRequests("You already have " + perUser
                    + " downloads in progress; wait for one to finish", RETRY);
        }
        if (running >= inAll) {
            throw ApiException.busy("The server is writing " + inAll + " downloads already; try again shortly", RETRY);
        }
        byUser.merge(userId, 1, Integer::sum);
        running++;
        AtomicBoolean freed = new AtomicBoolean();
        return () -> {
            if (freed.compareAndSet(false, true)) {
                free(userId);
            }
        };
    }

    private synchronized void free(long userId) {
        byUser.computeIfPresent(userId, (id, n) -> n == 1 ? null : n - 1);
        running--;
    }
}
