package org.callcentre.crm.operations;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.util.List;

/** The figures metrics and health read from the database; each statement is served by an index. */
@Singleton
class OperationsRepository {
    private final Db db;

    OperationsRepository(Db db) {
        this.db = db;
    }

    record NewEvents(String source, long count, long lastId, double maxLagSeconds) {
    }

    record LineState(String name, String state) {
    }

    record Backlog(long pending, double oldestSeconds) {
    }

    record OpenJobs(String kind, String status, long count) {
    }

    /** Events stored since {@code afterId}, by source, with the longest wait between the PBX and the database (primary key). */
    List<NewEvents> eventsAfter(long afterId) {
        return db.query("SELECT source, count(*) AS n, max(id) AS last_id,"
                        + " coalesce(max(extract(epoch FROM received_at - occurred_at)), 0) AS lag"
                        + " FROM call_events WHERE id > ? GROUP BY source",
                rs -> new NewEvents(rs.getString("source"), rs.getLong("n"), rs.getLong("last_id"), rs.getDouble("lag")), afterId);
    }

    long lastEventId() {
        return db.queryLong("SELECT coalesce(max(id), 0) FROM call_events");
    }

    /** Webhooks received but not yet applied (telephony_inbox_pending_idx). */
    Backlog inboxBacklog() {
        return db.queryOne("SELECT count(*) AS n, coalesce(extract(epoch FROM now() - min(received_at)), 0) AS oldest"
                        + " FROM telephony_inbox WHERE processed_at IS NULL",
                rs -> new Backlog(rs.getLong("n"), rs.getDouble("oldest"))).orElse(new Backlog(0, 0));
    }

    /** Every enabled line with its last probe's state; 'unknown' before the first probe. */
    List<LineState> enabledLineStates() {
        return db.query("SELECT l.name, coalesce(s.state, 'unknown') AS state FROM sip_lines l"
                        + " LEFT JOIN sip_line_status s ON s.sip_line_id = l.id WHERE l.enabled ORDER BY l.name",
                rs -> new LineState(rs.getString("name"), rs.getString("state")));
    }

    /** Recording fetches and transcriptions waiting or under way (the partial indexes call_jobs_due_idx and call_jobs_lease_idx). */
    List<OpenJobs> openJobs() {
        return db.query("SELECT kind, status, count(*) AS n FROM call_jobs WHERE status IN ('queued', 'running') GROUP BY kind, status",
                rs -> new OpenJobs(rs.getString("kind"), rs.getString("status"), rs.getLong("n")));
    }
}
