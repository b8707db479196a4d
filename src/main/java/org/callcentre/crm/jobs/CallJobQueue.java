package org.callcentre.crm.jobs;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The call jobs table as a queue. A worker claims the oldest due job with {@code FOR UPDATE SKIP
 * LOCKED}, so workers in any number of processes never take the same job, and holds it under a
 * lease; a job whose lease ran out is due again, which is how the jobs of a process that died are
 * picked up after a restart.
 */
@Singleton
public class CallJobQueue {
    public static final String FETCH_RECORDING = "fetch_recording";
    public static final String TRANSCRIBE = "transcribe";

    private final Db db;

    public CallJobQueue(Db db) {
        this.db = db;
    }

    /** Queues the job unless the call already has one of this kind (events repeat; a job is done once). */
    @Transactional
    public void enqueue(long callId, String kind) {
        db.update("INSERT INTO call_jobs (call_id, kind) VALUES (?, ?) ON CONFLICT (call_id, kind) DO NOTHING", callId, kind);
    }

    /** As {@link #enqueue}, for many calls in one statement, rows written in call id order. */
    @Transactional
    public void enqueueAll(Collection<Long> callIds, String kind) {
        db.update("""
                INSERT INTO call_jobs (call_id, kind) SELECT id, ? FROM unnest(CAST(? AS bigint[])) AS ids(id) ORDER BY id
                ON CONFLICT (call_id, kind) DO NOTHING""", kind, callIds);
    }

    /** Queues the job again from its first attempt, whatever became of it before (an operator's retry). */
    @Transactional
    public void requeue(long callId, String kind) {
        db.update("""
                INSERT INTO call_jobs (call_id, kind) VALUES (?, ?)
                ON CONFLICT (call_id, kind) DO UPDATE SET status = 'queued', attempts = 0, run_after = now(),
                    worker = NULL, lease_until = NULL, last_error = NULL, updated_at = now()
                WHERE call_jobs.status IN ('done', 'failed')""", callId, kind);
    }

    /** Claims one due job: queued and due, or running under a lease that ran out. */
    @Transactional
    public Optional<CallJob> claim(String worker, Duration lease) {
        return db.queryOne("""
                UPDATE call_jobs SET status = 'running', worker = ?, attempts = attempts + 1,
                    lease_until = now() + make_interval(secs => ?), updated_at = now()
                WHERE id = (SELECT id FROM call_jobs
                            WHERE (status = 'queued' AND run_after <= now()) OR (status = 'running' AND lease_until < now())
                            ORDER BY run_after, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, call_id, kind, attempts""",
                rs -> new CallJob(rs.getLong("id"), rs.getLong("call_id"), rs.getString("kind"), rs.getInt("attempts")),
                worker, (double) lease.toMillis() / 1000);
    }

    /** Each finishing write names the worker, so a worker whose lease was taken over cannot overwrite the new owner's outcome. */
    @Transactional
    public void done(CallJob job, String worker) {
        db.update("UPDATE call_jobs SET status = 'done', worker = NULL, lease_until = NULL, last_error = NULL, updated_at = now() "
                + "WHERE id = ? AND worker = ? AND status = 'running'", job.id(), worker);
    }

    @Transactional
    public void retryLater(CallJob job, String worker, String error, Duration delay) {
        db.update("UPDATE call_jobs SET status = 'queued', worker = NULL, lease_until = NULL, last_error = ?, "
                        + "run_after = now() + make_interval(secs => ?), updated_at = now() WHERE id = ? AND worker = ? AND status = 'running'",
                error, (double) delay.toMillis() / 1000, job.id(), worker);
    }

    @Transactional
    public void failed(CallJob job, String worker, String error) {
        db.update("UPDATE call_jobs SET status = 'failed', worker = NULL, lease_until = NULL, last_error = ?, updated_at = now() "
                + "WHERE id = ? AND worker = ? AND status = 'running'", error, job.id(), worker);
    }

    /** Extends the leases of every job this worker process holds. */
    @Transactional
    public int renewLeases(String worker, Duration lease) {
        return db.update("UPDATE call_jobs SET lease_until = now() + make_interval(secs => ?) WHERE worker = ? AND status = 'running'",
                (double) lease.toMillis() / 1000, worker);
    }

    /** On an orderly shutdown: hands the jobs still running back to the queue; the interrupted attempt does not count. */
    @Transactional
    public int release(String worker) {
        return db.update("UPDATE call_jobs SET status = 'queued', worker = NULL, lease_until = NULL, run_after = now(), "
                + "attempts = greatest(attempts - 1, 0), updated_at = now() WHERE worker = ? AND status = 'running'", worker);
    }

    @Transactional
    public List<CallJobStatus> statuses(long callId) {
        return db.query("SELECT kind, status, attempts, run_after, last_error, updated_at FROM call_jobs WHERE call_id = ? ORDER BY id",
                rs -> new CallJobStatus(rs.getString("kind"), rs.getString("status"), rs.getInt("attempts"),
                        Db.getInstant(rs, "run_after"), rs.getString("last_error"), Db.getInstant(rs, "updated_at")), callId);
    }
}
