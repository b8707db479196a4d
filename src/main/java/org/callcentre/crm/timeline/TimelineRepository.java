package org.callcentre.crm.timeline;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement per page: each source reads at most {@code limit} rows newest first from its
 * (client_id, created_at, id) index, starting after the cursor; the union of those few rows is
 * sorted and cut. A page costs the same on the first and on the thousandth page.
 */
@Singleton
class TimelineRepository {
    // Each part: kind, its rank (the enum's order), at, id, status, title, text, author, seconds, count, recording, transcript, mood.
    private static final String CALLS = """
            SELECT 'call', %d, x.created_at, x.id, x.status, x.direction, coalesce(x.disposition, x.note), o.name,
                   x.talk_seconds, NULL::int, EXISTS (SELECT 1 FROM recordings r WHERE r.call_id = x.id),
                   EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = x.id), NULL
              FROM calls x LEFT JOIN operators o ON o.id = x.operator_id
             WHERE x.client_id = ? AND (x.created_at, x.id) < (?, ?) %s
             ORDER BY x.created_at DESC, x.id DESC LIMIT ?""";
    private static final String CHATS = """
            SELECT 'chat', %d, v.created_at, v.id, v.status, v.ad_title,
                   coalesce(v.summary, (SELECT m.text FROM messages m WHERE m.conversation_id = v.id AND m.sender = 'client'
                     ORDER BY m.created_at DESC, m.id DESC LIMIT 1)),
                   NULL, NULL::int, (SELECT count(*)::int FROM messages m WHERE m.conversation_id = v.id), false, false, v.mood
              FROM conversations v
             WHERE v.client_id = ? AND (v.created_at, v.id) < (?, ?) %s
             ORDER BY v.created_at DESC, v.id DESC LIMIT ?""";
    private static final String ORDERS = """
            SELECT 'order', %d, r.created_at, r.id, r.status, r.type_equipment, r.problem, o.name, NULL::int, NULL::int, false, false, NULL
              FROM orders r LEFT JOIN operators o ON o.id = r.operator_id
             WHERE r.client_id = ? AND (r.created_at, r.id) < (?, ?) %s
             ORDER BY r.created_at DESC, r.id DESC LIMIT ?""";
    private static final String TASKS = """
            SELECT 'task', %d, k.created_at, k.id, k.status, k.title, k.note, o.name, NULL::int,
                   CASE WHEN k.missed THEN k.missed_count END, false, false, NULL
              FROM tasks k LEFT JOIN operators o ON o.id = k.created_by
             WHERE k.client_id = ? AND (k.created_at, k.id) < (?, ?) %s
             ORDER BY k.created_at DESC, k.id DESC LIMIT ?""";
    private static final String NOTES = """
            SELECT 'note', %d, n.created_at, n.id, NULL, NULL, n.text, o.name, NULL::int, NULL::int, false, false, NULL
              FROM client_notes n LEFT JOIN operators o ON o.id = n.operator_id
             WHERE n.client_id = ? AND (n.created_at, n.id) < (?, ?) %s
             ORDER BY n.created_at DESC, n.id DESC LIMIT ?""";

    private final Db db;

    TimelineRepository(Db db) {
        this.db = db;
    }

    /**
     * @param cityScope an operator's city: calls, chats, orders and tasks of other cities are left
     *                  out (those of no city stay); null for all
     * @return up to {@code limit} entries after {@code cursor}, newest first
     */
    List<TimelineEntry> page(long clientId, TimelineCursor cursor, Long cityScope, int limit) {
        Statement statement = statement(clientId, cursor, cityScope, limit);
        return db.query(statement.sql(), TimelineRepository::map, statement.params());
    }

    record Statement(String sql, Object[] params) {
    }

    /** What {@link #page} runs, for an EXPLAIN that shows every source reading its index. */
    static Statement statement(long clientId, TimelineCursor cursor, Long cityScope, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        part(parts, params, CALLS, "x", TimelineKind.call, clientId, cursor, cityScope, limit);
        part(parts, params, CHATS, "v", TimelineKind.chat, clientId, cursor, cityScope, limit);
        part(parts, params, ORDERS, "r", TimelineKind.order, clientId, cursor, cityScope, limit);
        part(parts, params, TASKS, "k", TimelineKind.task, clientId, cursor, cityScope, limit);
        // a note belongs to the client, not to a city
        part(parts, params, NOTES, null, TimelineKind.note, clientId, cursor, null, limit);
        params.add(limit);
        return new Statement(sql(parts), params.toArray());
    }

    private static String sql(List<String> parts) {
        StringBuilder sql = new StringBuilder("SELECT * FROM (");
        for (int i = 0; i < parts.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append('(').append(parts.get(i)).append(')');
        }
        return sql.append(") t (kind, rank, at, id, status, title, text, author, seconds, count, recording, transcript, mood) ")
                .append("ORDER BY at DESC, rank DESC, id DESC LIMIT ?").toString();
    }

    private static void part(List<String> parts, List<Object> params, String template, String alias, TimelineKind kind,
                             long clientId, TimelineCursor cursor, Long cityScope, int limit) {
        parts.add(template.formatted(kind.ordinal(),
                cityScope == null ? "" : "AND (" + alias + ".city_id = ? OR " + alias + ".city_id IS NULL)"));
        params.addAll(List.of(clientId, cursor.at(), cursor.idBound(kind)));
        if (cityScope != null) {
            params.add(cityScope);
        }
        params.add(limit);
    }

    private static TimelineEntry map(ResultSet rs) throws SQLException {
        return new TimelineEntry(TimelineKind.valueOf(rs.getString("kind")), rs.getLong("id"), Db.getInstant(rs, "at"),
                rs.getString("status"), rs.getString("title"), rs.getString("text"), rs.getString("author"),
                Db.getInt(rs, "seconds"), Db.getInt(rs, "count"), rs.getBoolean("recording"), rs.getBoolean("transcript"),
                rs.getString("mood"));
    }
}
