package org.callcentre.crm.demo;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.shared.Db;
import io.micronaut.context.event.ApplicationEventPublisher;
import org.callcentre.crm.stats.CountedRowsRemoved;

import java.util.List;
import java.util.Map;

/**
 * Removes everything the demo made and played, in one transaction: its directory rows ({@code demo_rows}) and what lives
 * in its cities or belongs to its operators and Avito account — calls with their events, chats, orders, tasks, and the
 * clients nothing else refers to. The removed calls, orders and chats leave the rollups through the same refresh that counted them,
 * so statistics drop them exactly; the demo operators' work-status rollups go with them.
 */
@Singleton
class DemoRemoval {
    private final Db db;
    private final DemoRows rows;
    private final ApplicationEventPublisher<CountedRowsRemoved> removals;
    private final AuditLog audit;

    DemoRemoval(Db db, DemoRows rows, ApplicationEventPublisher<CountedRowsRemoved> removals, AuditLog audit) {
        this.db = db;
        this.rows = rows;
        this.removals = removals;
        this.audit = audit;
    }

    /** What a removal took away. */
    @Serdeable
    record Removed(int cities, int operators, int calls, int orders, int conversations, int clients) {
    }

    @Transactional
    Removed removeAll(Actor actor) {
        List<Long> cities = rows.ids("city");
        List<Long> operators = rows.ids("operator");
        List<Long> accounts = rows.ids("avito_account");
        List<Long> campaigns = rows.ids("campaign");
        List<Long> calls = ids("SELECT id FROM calls WHERE city_id = ANY(CAST(? AS bigint[])) UNION "
                + "SELECT id FROM calls WHERE operator_id = ANY(CAST(? AS bigint[]))", cities, operators);
        List<Long> orders = ids("SELECT id FROM orders WHERE city_id = ANY(CAST(? AS bigint[])) OR operator_id = ANY(CAST(? AS bigint[])) "
                + "OR call_id = ANY(CAST(? AS bigint[]))", cities, operators, calls);
        List<Long> conversations = ids("SELECT id FROM conversations WHERE city_id = ANY(CAST(? AS bigint[])) "
                + "OR account_id = ANY(CAST(? AS bigint[]))", cities, accounts);
        List<Long> rounds = ids("SELECT id FROM chat_rounds WHERE conversation_id = ANY(CAST(? AS bigint[]))", conversations);
        // the demo's callers, unless a real call, order, chat or task of theirs keeps them
        List<Long> clients = ids("""
                SELECT k.id FROM (SELECT client_id AS id FROM calls WHERE id = ANY(CAST(? AS bigint[]))
                                  UNION SELECT client_id FROM orders WHERE id = ANY(CAST(? AS bigint[]))
                                  UNION SELECT client_id FROM conversations WHERE id = ANY(CAST(? AS bigint[]))) k
                WHERE k.id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.client_id = k.id AND NOT c.id = ANY(CAST(? AS bigint[])))
                  AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.client_id = k.id AND NOT o.id = ANY(CAST(? AS bigint[])))
                  AND NOT EXISTS (SELECT 1 FROM conversations v WHERE v.client_id = k.id AND NOT v.id = ANY(CAST(? AS bigint[])))
                  AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.client_id = k.id AND (t.city_id IS NULL OR NOT t.city_id = ANY(CAST(? AS bigint[]))))""",
                calls, orders, conversations, calls, orders, conversations, cities);

        db.update("DELETE FROM tasks WHERE city_id = ANY(CAST(? AS bigint[])) OR assignee_id = ANY(CAST(? AS bigint[])) "
                + "OR created_by = ANY(CAST(? AS bigint[])) OR client_id = ANY(CAST(? AS bigint[]))", cities, operators, operators, clients);
        db.update("UPDATE calls SET order_id = NULL WHERE id = ANY(CAST(? AS bigint[]))", calls);
        db.update("UPDATE conversations SET order_id = NULL WHERE order_id = ANY(CAST(? AS bigint[]))", orders);
        db.update("DELETE FROM call_drafts WHERE order_id = ANY(CAST(? AS bigint[]))", orders);
        db.update("DELETE FROM orders WHERE id = ANY(CAST(? AS bigint[]))", orders);
        db.update("DELETE FROM conversations WHERE id = ANY(CAST(? AS bigint[]))", conversations);
        db.update("DELETE FROM call_events e USING calls c WHERE c.id = ANY(CAST(? AS bigint[])) "
                + "AND e.source = c.source AND e.call_key = c.external_id", calls);
        db.update("DELETE FROM calls WHERE id = ANY(CAST(? AS bigint[]))", calls);
        db.update("DELETE FROM clients WHERE id = ANY(CAST(? AS bigint[]))", clients);
        removals.publishEvent(new CountedRowsRemoved(calls, orders, conversations, rounds));

        for (String table : List.of("kb_training_pairs", "kb_entries", "reply_templates")) {
            db.update("DELETE FROM " + table + " WHERE city_id = ANY(CAST(? AS bigint[])) OR author_id = ANY(CAST(? AS bigint[]))",
                    cities, operators);
        }
        db.update("DELETE FROM ai_answer_ratings WHERE operator_id = ANY(CAST(? AS bigint[]))", operators);
        db.update("UPDATE ai_answers SET suggested_to = NULL WHERE suggested_to = ANY(CAST(? AS bigint[]))", operators);
        db.update("DELETE FROM client_notes WHERE operator_id = ANY(CAST(? AS bigint[]))", operators);
        db.update("UPDATE clients SET city_id = NULL WHERE city_id = ANY(CAST(? AS bigint[]))", cities);
        db.update("DELETE FROM master_cities WHERE city_id = ANY(CAST(? AS bigint[]))", cities);
        db.update("DELETE FROM sip_lines WHERE city_id = ANY(CAST(? AS bigint[]))", cities);
        for (String table : List.of("stats_status_applied", "stats_status_operator_day", "stats_status_operator_span")) {
            db.update("DELETE FROM " + table + " WHERE operator_id = ANY(CAST(? AS bigint[]))", operators);
        }
        for (String table : List.of("stats_status_city_hour", "stats_status_city_month_hour")) {
            db.update("DELETE FROM " + table + " WHERE city_id = ANY(CAST(? AS bigint[]))", cities);
        }
        db.update("DELETE FROM avito_accounts WHERE id = ANY(CAST(? AS bigint[]))", accounts);
        db.update("DELETE FROM campaigns WHERE id = ANY(CAST(? AS bigint[]))", campaigns);
        db.update("DELETE FROM operators WHERE id = ANY(CAST(? AS bigint[]))", operators);
        db.update("DELETE FROM cities WHERE id = ANY(CAST(? AS bigint[]))", cities);
        db.update("DELETE FROM demo_rows");
        Removed removed = new Removed(cities.size(), operators.size(), calls.size(), orders.size(), conversations.size(), clients.size());
        audit.record(actor, "delete", "demo", 0, Map.of("removed", removed.toString()));
        return removed;
    }

    private List<Long> ids(String sql, Object... params) {
        return db.query(sql, rs -> rs.getLong(1), params);
    }
}
