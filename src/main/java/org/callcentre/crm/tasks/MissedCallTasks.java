package org.callcentre.crm.tasks;

import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.calls.ingest.CallProjection;
import org.callcentre.crm.shared.Db;

import java.util.List;

/**
 * Keeps the missed-call call-backs of the task list in step with ingested calls, inside the ingest
 * transaction: a missed inbound call opens its client's call-back task (or adds to it), due at once;
 * an answered call with the client closes it. Three statements a batch, whatever its size, each
 * reading the batch's ended calls of known clients from the rows the ingest just wrote.
 */
@Singleton
class MissedCallTasks implements CallProjection {
    private static final String CLOSE = """
            UPDATE tasks t SET status = 'done', done_at = a.created_at, closed_by_call_id = a.id, updated_at = now()
              FROM (SELECT DISTINCT ON (c.client_id) c.client_id, c.id, c.created_at
                      FROM calls c WHERE c.id = ANY (?::bigint[]) AND c.status = 'answered' AND c.client_id IS NOT NULL
                     ORDER BY c.client_id, c.created_at DESC, c.id DESC) a
             WHERE t.client_id = a.client_id AND t.status = 'open' AND t.missed AND t.last_missed_at < a.created_at""";
    /**
     * The batch's missed calls that still ask for a call back: not counted yet, and no answered call
     * with the client since (events may arrive late: a missed call older than an answered one needs none).
     */
    private static final String MISSED = """
            WITH missed AS (
                SELECT c.id, c.client_id, c.city_id, c.created_at,
                       CASE WHEN c.client_phone ~ '^\\+[1-9][0-9]{6,14}$' THEN c.client_phone END AS phone
                  FROM calls c
                 WHERE c.id = ANY (?::bigint[]) AND c.direction = 'inbound' AND c.status <> 'answered'
                   AND c.ended_at IS NOT NULL AND c.client_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM task_calls k WHERE k.call_id = c.id)
                   AND NOT EXISTS (SELECT 1 FROM calls x WHERE x.client_id = c.client_id AND x.status = 'answered'
                                                          AND x.created_at > c.created_at))
            """;
    /**
     * A client with no open call-back gets one, in client order (the unique index waits for a
     * concurrent batch's). The title is the seed's word; the list names it by its missed calls.
     */
    private static final String OPEN = MISSED + """
            INSERT INTO tasks (kind, title, city_id, client_id, phone, call_id, due_at, missed, last_missed_at)
            SELECT DISTINCT ON (m.client_id) 'callback', 'Перезвонить', m.city_id, m.client_id, m.phone, m.id,
                   m.created_at, true, m.created_at
              FROM missed m ORDER BY m.client_id, m.created_at, m.id
                ON CONFLICT (client_id) WHERE status = 'open' AND missed DO NOTHING""";
    /** Each missed call is counted once by its client's open call-back, which then falls due at the first. */
    private static final String COUNT = MISSED + """
            , counted AS (
                INSERT INTO task_calls (call_id, task_id)
                SELECT m.id, t.id FROM missed m JOIN tasks t ON t.client_id = m.client_id AND t.status = 'open' AND t.missed
                 ORDER BY m.id
                    ON CONFLICT (call_id) DO NOTHING
                RETURNING call_id, task_id),
            added AS (
                SELECT k.task_id, count(*) AS calls, min(m.created_at) AS first_at, max(m.created_at) AS last_at,
                       (array_agg(m.id ORDER BY m.created_at DESC, m.id DESC))[1] AS last_call
                  FROM counted k JOIN missed m ON m.id = k.call_id GROUP BY k.task_id)
            UPDATE tasks t SET missed_count = t.missed_count + a.calls,
                   due_at = least(t.due_at, a.first_at), last_missed_at = greatest(t.last_missed_at, a.last_at),
                   call_id = CASE WHEN a.last_at >= t.last_missed_at THEN a.last_call ELSE t.call_id END, updated_at = now()
              FROM added a WHERE t.id = a.task_id""";

    /**
     * Calls an earlier batch saw missed and late events show answered (a refused webhook sent again)
     * leave their open call-backs: the task goes with its last missed call, else it is counted again
     * from the missed calls it still has. Their own answer then closes what is left, as any answer does.
     */
    private static final String UNCOUNT = """
            WITH uncounted AS (
                DELETE FROM task_calls k USING tasks t
                 WHERE k.call_id = ANY (?::bigint[]) AND t.id = k.task_id AND t.status = 'open'
                RETURNING k.task_id, k.call_id),
            kept AS (
                SELECT u.task_id, count(DISTINCT u.call_id) AS uncounted, min(c.created_at) AS first_at, max(c.created_at) AS last_at,
                       (array_agg(c.id ORDER BY c.created_at DESC, c.id DESC) FILTER (WHERE c.id IS NOT NULL))[1] AS last_call
                  FROM uncounted u
                  LEFT JOIN task_calls k ON k.task_id = u.task_id AND k.call_id NOT IN (SELECT call_id FROM uncounted)
                  LEFT JOIN calls c ON c.id = k.call_id
                 GROUP BY u.task_id),
            gone AS (
                DELETE FROM tasks t USING kept k WHERE t.id = k.task_id AND t.missed_count <= k.uncounted)
            UPDATE tasks t SET missed_count = t.missed_count - k.uncounted, due_at = coalesce(k.first_at, t.due_at),
                   last_missed_at = coalesce(k.last_at, t.last_missed_at), call_id = coalesce(k.last_call, t.call_id), updated_at = now()
              FROM kept k WHERE t.id = k.task_id AND t.missed_count > k.uncounted""";

    private final Db db;

    MissedCallTasks(Db db) {
        this.db = db;
    }

    @Override
    public int order() {
        return CALLBACKS;
    }

    /**
     * Closing first: a batch holding an answered call and a later missed one ends with the later one's
     * task open. Before that, calls counted missed that turned out answered are taken back (a statement
     * only in a batch that has one).
     */
    @Override
    public void project(List<CallChanged> changes) {
        List<Long> turnedAnswered = changes.stream().filter(CallChanged::turnedAnswered).map(CallChanged::callId).toList();
        if (!turnedAnswered.isEmpty()) {
            db.update(UNCOUNT, turnedAnswered);
        }
        List<Long> ended = changes.stream().filter(c -> c.outcome().ended() && c.links().clientId() != null)
                .map(CallChanged::callId).toList();
        if (ended.isEmpty()) {
            return;
        }
        db.update(CLOSE, ended);
        db.update(OPEN, ended);
        db.update(COUNT, ended);
    }
}
