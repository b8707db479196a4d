package org.callcentre.crm.tasks;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.SqlFilter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
class TaskRepository {
    private static final String SELECT = "SELECT t.*, ci.name AS city_name, coalesce(a.name, a.login) AS assignee_name, "
            + "b.login AS created_by_login, cl.name AS client_name, (t.status = 'open' AND t.due_at < now()) AS overdue";
    private static final String FROM = "FROM tasks t LEFT JOIN cities ci ON ci.id = t.city_id "
            + "LEFT JOIN operators a ON a.id = t.assignee_id LEFT JOIN operators b ON b.id = t.created_by "
            + "LEFT JOIN clients cl ON cl.id = t.client_id";

    private final Db db;
    private final PagedQuery pages;

    TaskRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    /** What the asker's list holds and the counts count. */
    record Scope(Long operatorId, Long cityId) {
        /** An operator: their own tasks and their city's unassigned ones (tasks_assignee_due_idx, tasks_city_due_idx). */
        static Scope operator(long operatorId, long cityId) {
            return new Scope(operatorId, cityId);
        }

        /** A supervisor or admin, optionally narrowed to one city. */
        static Scope cities(Long cityId) {
            return new Scope(null, cityId);
        }

        void apply(SqlFilter filter) {
            if (operatorId != null) {
                filter.always("(t.assignee_id = ? OR (t.assignee_id IS NULL AND t.city_id = ?))", operatorId, cityId);
            } else {
                filter.when(cityId, "t.city_id = ?");
            }
        }
    }

    /**
     * @param assignee  an operator's id, or null for any
     * @param cityQueue only the unassigned ones (a city's queue)
     */
    Page<Task> list(Scope scope, TaskStatus status, Long assignee, boolean cityQueue, TaskPriority priority, boolean overdue,
                    PageRequest page) {
        SqlFilter filter = new SqlFilter();
        scope.apply(filter);
        filter.when(status == null ? null : status.name(), "t.status = ?")
                .when(assignee, "t.assignee_id = ?")
                .when(priority == null ? null : priority.name(), "t.priority = ?");
        if (cityQueue) {
            filter.always("t.assignee_id IS NULL");
        }
        if (overdue) {
            filter.always("t.status = 'open' AND t.due_at < now()");
        }
        return pages.page(SELECT, FROM, filter, "t.due_at, t.id", TaskRepository::map, page);
    }

    TaskCounts counts(Scope scope) {
        SqlFilter filter = new SqlFilter().always("t.status = 'open'");
        scope.apply(filter);
        return db.queryOne("SELECT count(*) AS open, count(*) FILTER (WHERE t.due_at < now()) AS overdue, "
                        + "count(*) FILTER (WHERE t.priority = 'high') AS high FROM tasks t" + filter.where(),
                rs -> new TaskCounts(rs.getLong("open"), rs.getLong("overdue"), rs.getLong("high")), filter.params())
                .orElseThrow();
    }

    Optional<Task> find(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE t.id = ?", TaskRepository::map, id);
    }

    record NewTask(TaskKind kind, String title, String note, Long cityId, Long assigneeId, Long createdBy, Long clientId,
                   String phone, Long callId, Long orderId, Long conversationId, TaskPriority priority, Instant dueAt) {
    }

    long insert(NewTask t) {
        return db.insert("""
                INSERT INTO tasks (kind, title, note, city_id, assignee_id, created_by, client_id, phone, call_id, order_id,
                                   conversation_id, priority, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                t.kind().name(), t.title(), t.note(), t.cityId(), t.assigneeId(), t.createdBy(), t.clientId(), t.phone(),
                t.callId(), t.orderId(), t.conversationId(), t.priority().name(), t.dueAt());
    }

    void update(long id, String title, String note, Long cityId, Long assigneeId, TaskPriority priority, TaskStatus status,
                Instant dueAt, Instant doneAt) {
        db.update("UPDATE tasks SET title = ?, note = ?, city_id = ?, assignee_id = ?, priority = ?, status = ?, due_at = ?, "
                        + "done_at = ?, updated_at = now() WHERE id = ?",
                title, note, cityId, assigneeId, priority.name(), status.name(), dueAt, doneAt, id);
    }

    /** The outbox row that reminds of the task's current due time; a new due time forgets the last reminder. */
    void setReminder(long id, long notificationId) {
        db.update("UPDATE tasks SET reminder_id = ?, reminded_at = NULL, reminder_seen_at = NULL WHERE id = ?", notificationId, id);
    }

    /**
     * Marks reminded the open task whose current reminder this outbox row is, unless it was already;
     * the one statement that decides, so that a row claimed twice (a lease run out) fires once, and a
     * row of an earlier due time fires nothing.
     *
     * @return the task's id when this call fired it
     */
    Optional<Long> markReminded(long notificationId, Instant now) {
        return db.queryOne("UPDATE tasks SET reminded_at = ?, reminder_seen_at = NULL WHERE reminder_id = ? "
                + "AND status = 'open' AND reminded_at IS NULL RETURNING id", rs -> rs.getLong(1), now, notificationId);
    }

    /** Reminders fired while the operator's browser was away: open, reminded, not yet shown. */
    List<Task> unseenReminders(Scope scope) {
        SqlFilter filter = new SqlFilter().always("t.status = 'open' AND t.reminded_at IS NOT NULL AND t.reminder_seen_at IS NULL");
        scope.apply(filter);
        return db.query(SELECT + " " + FROM + filter.where() + " ORDER BY t.due_at, t.id LIMIT 50", TaskRepository::map,
                filter.params());
    }

    void markSeen(long id) {
        db.update("UPDATE tasks SET reminder_seen_at = now() WHERE id = ? AND reminded_at IS NOT NULL", id);
    }

    /** Who a reminder goes to: the assignee, or every active operator of the city of an unassigned task. */
    List<Long> recipients(Task task) {
        if (task.assigneeId() != null) {
            return List.of(task.assigneeId());
        }
        return db.query("SELECT id FROM operators WHERE city_id = ? AND role = 'operator' AND status = 'active'",
                rs -> rs.getLong(1), task.cityId());
    }

    /** An active operator (any role) and their city, for assigning. */
    Optional<Assignee> assignee(long operatorId) {
        return db.queryOne("SELECT id, city_id FROM operators WHERE id = ? AND status = 'active'",
                rs -> new Assignee(rs.getLong("id"), Db.getLong(rs, "city_id")), operatorId);
    }

    record Assignee(long id, Long cityId) {
    }

    /** The city of a call, order or chat a task is made from, to check the asker may see it; empty when there is none. */
    Optional<Optional<Long>> cityOf(String table, long id) {
        return db.queryOne("SELECT city_id FROM " + table + " WHERE id = ?", rs -> Optional.ofNullable(Db.getLong(rs, "city_id")), id);
    }

    private static Task map(ResultSet rs) throws SQLException {
        return new Task(rs.getLong("id"), TaskKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("note"),
                Db.getLong(rs, "city_id"), rs.getString("city_name"), Db.getLong(rs, "assignee_id"), rs.getString("assignee_name"),
                rs.getString("created_by_login"), Db.getLong(rs, "client_id"), rs.getString("client_name"), rs.getString("phone"),
                Db.getLong(rs, "call_id"), Db.getLong(rs, "order_id"), Db.getLong(rs, "conversation_id"),
                TaskPriority.valueOf(rs.getString("priority")), TaskStatus.valueOf(rs.getString("status")),
                Db.getInstant(rs, "due_at"), rs.getBoolean("overdue"), Db.getInstant(rs, "reminded_at"),
                Db.getInstant(rs, "done_at"), Db.getInstant(rs, "created_at"), rs.getBoolean("missed"), rs.getInt("missed_count"),
                Db.getLong(rs, "closed_by_call_id"));
    }
}
