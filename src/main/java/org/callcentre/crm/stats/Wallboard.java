package org.callcentre.crm.stats;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * {@code {"type":"wallboard", …}}: the supervisor's big screen, pushed on {@code /ws/supervisor}
 * and answered by {@code GET /api/stats/wallboard}.
 *
 * @param callsWaiting       inbound calls ringing now (not answered, not ended)
 * @param longestWaitSeconds how long the earliest of them has been waiting, at {@code at}
 * @param operatorsByState   active operators by live state: available, ringing, on_call, wrap_up, break, offline
 * @param chatsWaiting       chats handed to people that nobody has taken yet
 * @param chatsOverdue       chats still open that missed their first-response or resolution deadline
 * @param today              today's figures of every city, days of the default zone
 * @param chatsToday         today's chat figures of every city, days of the default zone
 */
@Serdeable
public record Wallboard(String type, Instant at, long callsWaiting, long longestWaitSeconds,
                        Map<String, Long> operatorsByState, long chatsWaiting, long chatsOverdue, Kpi today,
                        ChatFigures chatsToday) {

    /** The same board, whenever it was read. */
    public boolean sameFiguresAs(Wallboard other) {
        return other != null && callsWaiting == other.callsWaiting && longestWaitSeconds == other.longestWaitSeconds
                && operatorsByState.equals(other.operatorsByState) && chatsWaiting == other.chatsWaiting
                && chatsOverdue == other.chatsOverdue && today.equals(other.today) && chatsToday.equals(other.chatsToday);
    }
}
