package org.callcentre.crm.presence;

import org.callcentre.crm.live.LiveClient;
import org.callcentre.crm.testing.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Reads {@code GET /api/operators/live} as a supervisor would, waiting for asynchronous changes. */
final class Wallboard {
    private final Api supervisor;

    Wallboard(Api supervisor) {
        this.supervisor = supervisor;
    }

    Map<String, Object> row(long operatorId) {
        Api.Reply reply = supervisor.get("/api/operators/live");
        assertEquals(200, reply.status(), reply.toString());
        return reply.list().stream().filter(r -> ((Number) r.get("operatorId")).longValue() == operatorId).findFirst()
                .orElseGet(() -> fail("operator " + operatorId + " is not on the wallboard: " + reply.list()));
    }

    /** Polls until the operator's row matches; fails after {@link LiveClient#PATIENCE}. */
    Map<String, Object> await(long operatorId, Predicate<Map<String, Object>> match) throws InterruptedException {
        List<Map<String, Object>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + LiveClient.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> row = row(operatorId);
            if (match.test(row)) {
                return row;
            }
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(row)) {
                seen.add(row);
            }
            Thread.sleep(20);
        }
        return fail("operator " + operatorId + " never matched; rows seen: " + seen);
    }

    static Predicate<Map<String, Object>> liveState(String state) {
        return row -> state.equals(row.get("liveState"));
    }
}
